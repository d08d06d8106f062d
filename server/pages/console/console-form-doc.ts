// The console's pages and forms as the OpenAPI document describes them (server/pages/form-doc.ts),
// one entry per route, with the fields its reader takes (action-forms-input.ts,
// new-request-form.ts, console-admin-routes.ts); named from the same lists where there are any.
import { Type } from '@sinclair/typebox';
import { MINOR_AGE_BANDS, MINOR_FILERS } from '../../../domain/minor';
import { LANGUAGES } from '../../../domain/request-kinds';
import { STAFF_ROLES } from '../../staff/roles';
import { MIN_PASSWORD_LENGTH } from '../../use-cases/staff-accounts';
import { STAFF_CHANNELS } from '../../staff/schemas';
import { consolePage, documentedPage, field } from '../form-doc';
import type { MapPurpose } from '../../../stores/data-map/purposes';
import { requestFormFields } from '../request-form-doc';

const note = (what: string) => field(`${what} (3 to 2000 characters).`, { maxLength: 2000 });
const yes = (description: string) => field(`${description} yes for yes; anything else, or nothing, for no.`);
const SIGN_IN_CSRF = field('The sign-in form’s token, which the sign-in page sets in a cookie as well (double submit).');
// Pages and forms about one request answer 404 for an unknown one; forms that act on it may find it in the wrong state.
const onRequest = [404, 409, 422];

export const consoleDocs = {
  login: documentedPage({ summary: 'The console’s sign-in page', tags: ['console'], answers: [200] }),
  signIn: documentedPage({
    summary: 'Sign in to the console',
    tags: ['console'],
    answers: [200, 303, 401, 403, 422],
    fields: { _csrf: SIGN_IN_CSRF, username: field('The username.', { maxLength: 64 }), password: field('The password.', { maxLength: 200 }) },
  }),
  signInCode: documentedPage({ summary: 'Give the TOTP code after the password', tags: ['console'], answers: [303, 401, 403], fields: { _csrf: SIGN_IN_CSRF, code: field('The six digits of the authenticator app.') } }),
  signOut: consolePage({ summary: 'Sign out of the console', answers: [], fields: {} }),
  setPasswordPage: documentedPage({ summary: 'The page of a set-password link', tags: ['console'], answers: [200, 410], query: { token: Type.String({ description: 'The link’s token.' }) } }),
  setPassword: documentedPage({
    summary: 'Set a password from a set-password link',
    tags: ['console'],
    answers: [303, 410, 422],
    fields: {
      token: Type.String({ description: 'The link’s token.' }),
      password: Type.String({ description: 'The new password.', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
      confirm: Type.String({ description: 'The same again.', maxLength: 200 }),
    },
  }),
  dashboard: consolePage({ summary: 'The dashboard', answers: [200] }),
  newRequestPage: consolePage({ summary: 'The form to open a request for a subject', answers: [200] }),
  /** The new-request form, with a box per purpose of the data map the engine runs with. */
  openRequest: (purposes: readonly MapPurpose[]) => consolePage({
    summary: 'Open a request on a subject’s behalf, their identity attested',
    answers: [409, 422],
    fields: {
      ...requestFormFields(purposes),
      channel: field('How the subject asked.', { enum: STAFF_CHANNELS }),
      language: field('The language of the replies.', { enum: LANGUAGES }),
      evidenceNote: note('How the identity was checked'),
      minorAgeBand: field('For a subject under 18: the age band.', { enum: MINOR_AGE_BANDS }),
      minorFiledBy: field('For a subject under 18: who files.', { enum: MINOR_FILERS }),
    },
  }),
  mine: consolePage({ summary: 'The requests one owns', answers: [200] }),
  queue: consolePage({ summary: 'The review queue', answers: [200] }),
  certificate: consolePage({ summary: 'A request’s deletion certificate', answers: [200, 404] }),
  package: consolePage({ summary: 'The manifest of a request’s access package', answers: [200, 404] }),
  request: consolePage({ summary: 'One request', answers: [200, 404] }),
  find: consolePage({ summary: 'Find a request by reference, e-mail or telephone', answers: [200, 422], fields: { q: field('A reference, an address or a number.', { maxLength: 254 }) } }),
  owner: consolePage({ summary: 'Assign the request’s owner', answers: onRequest, fields: { owner: field('“me”, or the id of a member of staff.') } }),
  addNote: consolePage({ summary: 'Add a staff note', answers: onRequest, fields: { note: note('The note') } }),
  contact: consolePage({ summary: 'Show the subject’s contact (audited)', answers: [200, 404], fields: {} }),
  language: consolePage({ summary: 'Choose the console’s language', answers: [], fields: { language: Type.Union(LANGUAGES.map((l) => Type.Literal(l)), { description: 'The language.' }) } }),
  decide: consolePage({
    summary: 'Decide whether to proceed',
    answers: onRequest,
    fields: {
      decision: field('The decision.', { enum: ['PROCEED', 'REFUSE', 'REFUSE_IN_PART', 'CHARGE_FEE'] }),
      excluded: field('For a partial refusal: the categories kept back, separated by commas.'),
      reason: note('The reasons'),
    },
  }),
  approve: consolePage({ summary: 'Approve or reject a staff-attested erasure (four eyes)', answers: onRequest, fields: { approve: field('The answer.', { enum: ['yes', 'no'] }), reason: note('Why') } }),
  waiveFee: consolePage({ summary: 'Waive the quoted fee', answers: onRequest, fields: { reason: note('Why') } }),
  extend: consolePage({ summary: 'Extend the deadline', answers: onRequest, fields: { reason: note('Why') } }),
  withdraw: consolePage({ summary: 'Withdraw the request for the subject', answers: onRequest, fields: { reason: note('Why') } }),
  retryStore: consolePage({ summary: 'Retry a failed store', answers: onRequest, fields: {} }),
  skipStore: consolePage({ summary: 'Skip a failed store', answers: onRequest, fields: { justification: note('Why') } }),
  completeStore: consolePage({ summary: 'Mark a store done by hand', answers: onRequest, fields: { note: note('What was done') } }),
  completeTask: consolePage({
    summary: 'Complete a manual task',
    answers: onRequest,
    fields: { note: note('What was checked or done'), nothingFound: yes('Checked, nothing found.'), processed: field('How many records were dealt with.') },
  }),
  placeHold: consolePage({
    summary: 'Place a legal hold on the subject',
    answers: onRequest,
    fields: {
      store: field('The store held, or none for all.'),
      category: field('The category held, or none for all.'),
      authority: field('Who imposed it (2 to 200 characters).', { maxLength: 200 }),
      reference: field('Their reference.', { maxLength: 200 }),
      basis: field('The legal basis (3 to 500 characters).', { maxLength: 500 }),
      reason: note('Why the data must be kept'),
      endsAt: field('The day it ends, such as 2027-06-30.'),
    },
  }),
  releaseHold: consolePage({ summary: 'Release a legal hold', answers: onRequest, fields: { reason: note('Why') } }),
  recordSignal: consolePage({ summary: 'Record an exemption signal', answers: onRequest, fields: { ground: field('The ground.'), note: field('A note.', { maxLength: 2000 }) } }),
  clearSignal: consolePage({ summary: 'Clear an exemption signal', answers: onRequest, fields: { reason: note('Why') } }),
  staffAccounts: consolePage({ summary: 'Staff accounts (admin)', answers: [200] }),
  createAccount: consolePage({
    summary: 'Create a staff account (admin)',
    answers: [409, 422],
    fields: { username: field('The username.'), displayName: field('The name shown.'), role: field('The role.', { enum: STAFF_ROLES }), password: field('A first password.') },
  }),
  changeAccount: consolePage({
    summary: 'Change a staff account (admin)',
    answers: [404, 409, 422],
    fields: { role: field('The role.', { enum: STAFF_ROLES }), disabled: yes('Disable the account.'), resetSecondFactor: yes('Set up the TOTP again at the next sign-in.') },
  }),
  dataMap: consolePage({ summary: 'The data map (admin)', answers: [200] }),
  profile: consolePage({ summary: 'The controller’s profile (admin)', answers: [200] }),
};
