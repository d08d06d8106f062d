// The portal's correction form offers every field the stores accept a correction of, each
// with a label in both languages: a field added to the stores cannot be left off the form.
import { CORRECTABLE_FIELDS as STORE_FIELDS } from '../../stores/correctable-fields';
import { requestFormPage } from '../../server/pages/form-page';
import { CORRECTABLE_FIELDS, messagesFor } from '../../server/pages/i18n';
import { loadDataMap } from '../../stores/data-map/validate';

test('the correction form lists exactly the fields the stores can correct, labelled in Chinese and English', () => {
  expect([...CORRECTABLE_FIELDS].sort()).toEqual(Object.keys(STORE_FIELDS).sort());
  for (const lang of ['zh', 'en'] as const) {
    const form = requestFormPage(lang, loadDataMap().purposes);
    for (const field of CORRECTABLE_FIELDS) expect(form).toContain(`>${messagesFor(lang).fields[field]}</label>`);
  }
});
