// A few demo customer accounts so that a person trying the product sees real data
// come back in an access reply.
import type { Db } from '../db/prisma';

export const DEMO_SUBJECT_EMAIL = 'li.wei@example.com';

/** Inserts the demo accounts unless they are already there. */
export async function seedDemoAccounts(db: Db): Promise<void> {
  await db.customerAccount.createMany({
    data: [
      { email: DEMO_SUBJECT_EMAIL, fullName: 'Li Wei', phone: '+86 138 0013 8000', companyName: 'Shenzhen Demo Co., Ltd.', plan: 'enterprise' },
      { email: 'anna.schmidt@example.com', fullName: 'Anna Schmidt', phone: '+49 30 1234567', plan: 'basic' },
    ],
    skipDuplicates: true,
  });
}
