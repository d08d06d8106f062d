// The portal's request form as the OpenAPI document describes it (server/pages/form-doc.ts):
// the fields form-input.ts reads, named from the same lists, so the two cannot drift apart.
import type { TProperties } from '@sinclair/typebox';
import { MANAGE_ACTIONS } from '../../domain/manage';
import { REQUEST_TYPES } from '../../domain/request-kinds';
import type { MapPurpose } from '../../stores/data-map/purposes';
import { field } from './form-doc';
import { correctionField, purposeField } from './form-input';
import { CORRECTABLE_FIELDS } from './i18n';

/** The fields, with one box per purpose the data map the engine runs with declares. */
export const requestFormFields = (purposes: readonly MapPurpose[]): TProperties => ({
  type: field('The right exercised.', { enum: REQUEST_TYPES }),
  residence: field('Where the subject lives (a code from the form’s list).'),
  email: field('The subject’s e-mail address; the code is mailed there.', { maxLength: 254 }),
  phone: field('A telephone number with its country code, if the subject has an account by it.'),
  accountId: field('The subject’s account id, if any.'),
  ...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [correctionField(f), field(`A correction: the new ${f}.`, { maxLength: 200 })])),
  ...Object.fromEntries(purposes.map((p) => [purposeField(p.id), field(`Ticked: the ${p.id} purpose is named by a manage request.`)])),
  // Read only for a manage request, so not an enum: another value with another right is ignored.
  manageAction: field(`What a manage request asks for the purposes ticked: ${MANAGE_ACTIONS.join(', ')}.`),
  recipient: field('For a portability request: the id of a recipient the controller registered, or empty for none.'),
});
