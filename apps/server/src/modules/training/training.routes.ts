import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceCodeResponse,
  CancelBody,
  CheckInBody,
  CheckInResponse,
  CompletionBody,
  CourseBody,
  CourseListQuery,
  CourseListResponse,
  CourseResponse,
  DecisionBody,
  EnrolBody,
  EnrolmentListQuery,
  EnrolmentResponse,
  EnrolmentsResponse,
  IdParams,
  RequestBody,
  SessionBody,
  SessionDetailResponse,
  SessionResponse,
  TickListBody,
} from '@pantau/contracts';
import type { AttendanceService } from './attendance.service.js';
import type { CatalogueService } from './catalogue.service.js';
import type { CompletionService } from './completion.service.js';
import type { EnrolmentService } from './enrolments.service.js';
import { attendanceWorkbook } from './exports.js';
import { FileBody, baseUrlOf, errors, sendCertificate, sendXlsx, tags, trainingCtx } from './training.http.js';

export interface TrainingRouteServices {
  catalogue: CatalogueService;
  enrolments: EnrolmentService;
  attendance: AttendanceService;
  completion: CompletionService;
  publicUrl: string | null;
}

/** Catalogue, sessions, places and attendance. Handlers only translate HTTP to service calls. */
export function trainingRoutes(app: FastifyInstance, s: TrainingRouteServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/training/courses', { schema: { tags, summary: 'The catalogue with sessions not yet over (and the last 90 days)', querystring: CourseListQuery, response: { 200: CourseListResponse, ...errors } } },
    async (request) => s.catalogue.list(trainingCtx(request), request.query));

  r.post('/api/training/courses', { schema: { tags, summary: 'Admin: add a training; the organising units must include one you administer', body: CourseBody, response: { 201: CourseResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ course: await s.catalogue.create(trainingCtx(request), request.body) }));

  r.get('/api/training/courses/:id', { schema: { tags, summary: 'One training with its sessions', params: IdParams, response: { 200: CourseResponse, ...errors } } },
    async (request) => ({ course: await s.catalogue.get(trainingCtx(request), request.params.id) }));

  r.put('/api/training/courses/:id', { schema: { tags, summary: 'Organiser: change a training (the whole record)', params: IdParams, body: CourseBody, response: { 200: CourseResponse, ...errors } } },
    async (request) => ({ course: await s.catalogue.update(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/courses/:id/cancellation', { schema: { tags, summary: 'Organiser: withdraw a training; sessions not yet started are cancelled and their participants notified', description: 'Already withdrawn: 409 COURSE_INACTIVE. Reactivate it with PUT (active: true).', params: IdParams, response: { 200: CourseResponse, ...errors } } },
    async (request) => ({ course: await s.catalogue.cancelCourse(trainingCtx(request), request.params.id) }));

  r.post('/api/training/courses/:id/sessions', { schema: { tags, summary: 'Organiser: add a session (dates, times WIB, place, capacity)', params: IdParams, body: SessionBody, response: { 201: SessionResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ session: await s.catalogue.createSession(trainingCtx(request), request.params.id, request.body) }));

  r.get('/api/training/sessions/:id', { schema: { tags, summary: 'A session; organisers also get participants and attendance', params: IdParams, response: { 200: SessionDetailResponse, ...errors } } },
    async (request) => s.attendance.detail(trainingCtx(request), request.params.id));

  r.put('/api/training/sessions/:id', { schema: { tags, summary: 'Organiser: change a session that is not over (capacity never below those enrolled); a new date, time or place is notified to those with a place or request', params: IdParams, body: SessionBody, response: { 200: SessionResponse, ...errors } } },
    async (request) => ({ session: await s.catalogue.updateSession(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/sessions/:id/cancellation', { schema: { tags, summary: 'Organiser: cancel a session; open places are cancelled and their holders notified', params: IdParams, response: { 200: SessionResponse, ...errors } } },
    async (request) => ({ session: await s.catalogue.cancelSession(trainingCtx(request), request.params.id) }));

  r.post('/api/training/sessions/:id/enrolments', { schema: { tags, summary: 'Admin (their units) or atasan (their chain): enrol people; everyone or nobody', description: 'Full: 409 SESSION_FULL or SEATS_SHORT; already placed: 409 ALREADY_ENROLLED naming body.employeeIds.<i>.', params: IdParams, body: EnrolBody, response: { 201: EnrolmentsResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ enrolments: await s.enrolments.enrol(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/sessions/:id/requests', { schema: { tags, summary: 'Employee: ask for a place; your atasan decides', params: IdParams, body: RequestBody, response: { 201: EnrolmentResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ enrolment: await s.enrolments.request(trainingCtx(request), request.params.id, request.body) }));

  r.get('/api/training/sessions/:id/attendance-code', { schema: { tags, summary: 'Organiser: the attendance QR code to show now (changes every minute)', params: IdParams, response: { 200: AttendanceCodeResponse, ...errors } } },
    async (request) => s.attendance.code(trainingCtx(request), request.params.id, baseUrlOf(request, s.publicUrl)));

  r.post('/api/training/sessions/:id/check-in', { schema: { tags, summary: 'Participant: record today\'s attendance with the code from the QR', description: 'Stale code: 409 CODE_EXPIRED; after the session: 409 CHECK_IN_OVER; not enrolled: 403 NOT_ENROLLED; twice: 409 ALREADY_CHECKED_IN.', params: IdParams, body: CheckInBody, response: { 201: CheckInResponse, ...errors } } },
    async (request, reply) => reply.status(201).send(await s.attendance.checkIn(trainingCtx(request), request.params.id, request.body.token)));

  r.put('/api/training/sessions/:id/attendance', { schema: { tags, summary: 'Organiser: tick list for one day (present recorded, unticked removed); never your own', params: IdParams, body: TickListBody, response: { 200: SessionDetailResponse, ...errors } } },
    async (request) => s.attendance.tick(trainingCtx(request), request.params.id, request.body));

  r.get('/api/training/sessions/:id/attendance.xlsx', { schema: { tags, summary: 'Organiser: attendance list as XLSX', params: IdParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'], response: { 200: FileBody, ...errors } } },
    async (request, reply) => {
      const ctx = trainingCtx(request);
      const data = await s.attendance.exportRows(ctx, request.params.id);
      return sendXlsx(reply, `kehadiran-pelatihan-${request.params.id}.xlsx`, await attendanceWorkbook(data, ctx.locale));
    });

  r.get('/api/training/enrolments', { schema: { tags, summary: 'My places (mine) or requests waiting for my decision (to-decide)', querystring: EnrolmentListQuery, response: { 200: EnrolmentsResponse, ...errors } } },
    async (request) => ({ enrolments: await s.enrolments.list(trainingCtx(request), request.query) }));

  r.get('/api/training/enrolments/:id', { schema: { tags, summary: 'One place', params: IdParams, response: { 200: EnrolmentResponse, ...errors } } },
    async (request) => ({ enrolment: await s.enrolments.get(trainingCtx(request), request.params.id) }));

  r.post('/api/training/enrolments/:id/decision', { schema: { tags, summary: 'Atasan: approve or reject a request (never your own); a reason is required to reject', params: IdParams, body: DecisionBody, response: { 200: EnrolmentResponse, ...errors } } },
    async (request) => ({ enrolment: await s.enrolments.decide(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/enrolments/:id/cancellation', { schema: { tags, summary: 'Withdraw your request or place (before the session), or remove someone\'s as organiser/admin', params: IdParams, body: CancelBody, response: { 200: EnrolmentResponse, ...errors } } },
    async (request) => ({ enrolment: await s.enrolments.cancel(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/enrolments/:id/completion', { schema: { tags, summary: 'Organiser, after the session: completed (with certificate; JP then count) or not completed', params: IdParams, body: CompletionBody, response: { 200: EnrolmentResponse, ...errors } } },
    async (request) => ({ enrolment: await s.completion.complete(trainingCtx(request), request.params.id, request.body) }));

  r.get('/api/training/enrolments/:id/certificate', { schema: { tags, summary: 'The certificate of a completed place', params: IdParams, response: { 200: z.any().describe('The file'), ...errors } } },
    async (request, reply) => {
      const { file, stream } = await s.completion.certificate(trainingCtx(request), request.params.id);
      return sendCertificate(reply, file, stream);
    });
}
