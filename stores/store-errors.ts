// Errors a store raises for a request it must refuse, as opposed to a failure worth retrying.

/** A correction the store will not apply (unknown field or invalid value). Its message names
 *  fields only, never values, so it may travel into workflow history and audit. */
export class CorrectionRefused extends Error {
  override readonly name = 'CorrectionRefused';
}
