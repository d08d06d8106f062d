// Maps every error to a JSON response: AppError as itself, validation failures as 400,
// anything unexpected as a 500 with no internals (the detail goes to the log only).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './app-error';
import { validationMessage } from './validation-message';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: error.code, message: error.message, ...error.details });
    }
    const { validation, validationContext } = error as FastifyError;
    if (validation) {
      return reply.status(400).send({ error: 'INVALID_INPUT', message: validationMessage(validation, validationContext, error.message) });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ error: 'BAD_REQUEST', message: error.message });
    }
    request.log.error({ err: { name: error.name, message: error.message } }, 'unhandled error');
    return reply.status(500).send({ error: 'INTERNAL', message: 'Something went wrong on our side. Nothing was changed; please try again.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );
}
