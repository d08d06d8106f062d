// Failures in Temporal's history (an activity's error, a workflow's refusal) carry a message
// and a stack that may quote personal data. With encodeCommonAttributes the SDK moves both into
// an encoded-attributes payload, which the payload codec encrypts like any other; the history
// keeps only "Encoded failure" in clear. Loaded by path (failureConverterPath) because the
// workflow sandbox, the worker and the clients each load it themselves.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
