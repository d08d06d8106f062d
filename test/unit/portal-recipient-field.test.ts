// The portal's choice of a portability recipient: only the recipients the controller profile
// registers are offered (by name, in the page's language), an id it does not register is an
// error beside the field, and the choice travels only with a portability request.
import { readRequestForm } from '../../server/pages/form-input';
import { requestFormPage } from '../../server/pages/form-page';
import { loadDataMap } from '../../stores/data-map/validate';
import { demoProfile, profileWith } from '../support/profiles';

const purposes = loadDataMap().purposes;

const fields = (more: Record<string, string>) => ({ type: 'PORTABILITY', residence: 'CN', email: 'a@example.org', ...more });

test('when the profile registers a recipient, then the form offers it by name in each language, after "to me only"', () => {
  const zh = requestFormPage('zh', purposes, undefined, undefined, demoProfile.profile);
  expect(zh).toContain('<option value="">否，仅提供给我本人</option><option value="lianhe-cloud">联合云存储</option>');
  expect(requestFormPage('en', purposes, undefined, undefined, demoProfile.profile)).toContain('<option value="lianhe-cloud">Lianhe Cloud Storage</option>');
});

test('when the profile registers none, then the form has no recipient field at all', () => {
  const none = profileWith((p) => delete p.portabilityRecipients);
  expect(requestFormPage('en', purposes, undefined, undefined, none.profile)).not.toContain('name="recipient"');
});

test('when a portability request names a registered recipient, then the body carries it; an unregistered one is an error and no body', () => {
  expect(readRequestForm(fields({ recipient: 'lianhe-cloud' }), 'en', purposes, demoProfile.profile).body).toMatchObject({ type: 'PORTABILITY', recipient: 'lianhe-cloud' });
  const forged = readRequestForm(fields({ recipient: 'evil-corp' }), 'en', purposes, demoProfile.profile);
  expect(forged.body).toBeUndefined();
  expect(forged.errors).toEqual({ recipient: true });
  expect(requestFormPage('en', purposes, forged.values, forged.errors, demoProfile.profile)).toContain('<p class="error" id="recipient-error">Choose one of the providers listed, or none.</p>');
});

test('when another right is chosen with a recipient left selected, then the recipient is dropped, not sent', () => {
  const access = readRequestForm(fields({ type: 'ACCESS', recipient: 'lianhe-cloud' }), 'en', purposes, demoProfile.profile);
  expect(access.body).toBeDefined();
  expect(access.body).not.toHaveProperty('recipient');
});
