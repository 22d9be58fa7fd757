import { z } from 'zod';
import { ErrorEnvelope } from '@pantau/contracts';

/** Sent as raw bytes (Fastify does not serialise a Buffer); the schema documents the route. */
export const FileBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('The file (binary)');

export const staffErrors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
export const publicErrors = { 400: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 413: ErrorEnvelope, 415: ErrorEnvelope, 429: ErrorEnvelope };
