CREATE TYPE "public"."training_attendance_method" AS ENUM('QR', 'LIST');--> statement-breakpoint
CREATE TYPE "public"."training_enrolment_status" AS ENUM('REQUESTED', 'ENROLLED', 'COMPLETED', 'INCOMPLETE', 'REJECTED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."training_external_status" AS ENUM('PENDING', 'VERIFIED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."training_kind" AS ENUM('TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL');--> statement-breakpoint
CREATE TYPE "public"."training_mode" AS ENUM('KLASIKAL', 'DARING', 'ON_THE_JOB');--> statement-breakpoint
CREATE TYPE "public"."training_need_source" AS ENUM('SKP_PERILAKU', 'SKP_HASIL_KERJA', 'KELUHAN', 'MANUAL');--> statement-breakpoint
CREATE TYPE "public"."training_need_status" AS ENUM('OPEN', 'CLOSED', 'WITHDRAWN');--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_attendance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"date" date NOT NULL,
	"method" "training_attendance_method" NOT NULL,
	"recorded_by_user_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_course_organisers" (
	"course_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "training_course_organisers_course_id_unit_id_pk" PRIMARY KEY("course_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_courses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" varchar(2000),
	"kind" "training_kind" NOT NULL,
	"mode" "training_mode" NOT NULL,
	"jp" numeric(5, 1) NOT NULL,
	"organiser" varchar(200) NOT NULL,
	"behaviours" "berakhlak"[] DEFAULT '{}' NOT NULL,
	"competencies" varchar(100)[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_jp_ck" CHECK ("training_courses"."jp" > 0 and "training_courses"."jp" <= 500)
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"status" "training_enrolment_status" NOT NULL,
	"need_id" integer,
	"request_note" varchar(500),
	"approver_employee_id" integer,
	"requested_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_employee_id" integer,
	"decision_note" varchar(500),
	"enrolled_by_user_id" integer,
	"enrolled_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" integer,
	"completed_at" timestamp with time zone,
	"completed_by_user_id" integer,
	"completed_on" date,
	"certificate_evidence_id" integer,
	"jp" numeric(5, 1),
	"completion_note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_external" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_external_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"organiser" varchar(200) NOT NULL,
	"kind" "training_kind" NOT NULL,
	"mode" "training_mode" NOT NULL,
	"behaviours" "berakhlak"[] DEFAULT '{}' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"jp" numeric(5, 1) NOT NULL,
	"certificate_evidence_id" integer NOT NULL,
	"need_id" integer,
	"status" "training_external_status" DEFAULT 'PENDING' NOT NULL,
	"submitted_by_user_id" integer NOT NULL,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"decision_note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_external_dates_ck" CHECK ("training_external"."end_date" >= "training_external"."start_date"),
	CONSTRAINT "training_external_jp_ck" CHECK ("training_external"."jp" > 0 and "training_external"."jp" <= 500)
);
--> statement-breakpoint
CREATE TABLE "training_need_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_need_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"need_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"source_key" varchar(80) NOT NULL,
	"label" varchar(300) NOT NULL,
	"occurred_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"area_key" varchar(80) NOT NULL,
	"source" "training_need_source" NOT NULL,
	"behaviour" "berakhlak",
	"competency" varchar(500),
	"note" varchar(1000),
	"status" "training_need_status" DEFAULT 'OPEN' NOT NULL,
	"planned_course_id" integer,
	"agreed_at" timestamp with time zone,
	"agreed_by_employee_id" integer,
	"closed_at" timestamp with time zone,
	"closed_by_enrolment_id" integer,
	"closed_by_external_id" integer,
	"withdrawn_note" varchar(1000),
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"agreed_by_employee_id" integer NOT NULL,
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"place" varchar(200) NOT NULL,
	"capacity" integer NOT NULL,
	"qr_secret" varchar(64) NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_dates_ck" CHECK ("training_sessions"."end_date" >= "training_sessions"."start_date"),
	CONSTRAINT "training_sessions_times_ck" CHECK ("training_sessions"."end_time" > "training_sessions"."start_time"),
	CONSTRAINT "training_sessions_capacity_ck" CHECK ("training_sessions"."capacity" between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_organisers" ADD CONSTRAINT "training_course_organisers_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_organisers" ADD CONSTRAINT "training_course_organisers_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_approver_employee_id_employees_id_fk" FOREIGN KEY ("approver_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_decided_by_employee_id_employees_id_fk" FOREIGN KEY ("decided_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_enrolled_by_user_id_users_id_fk" FOREIGN KEY ("enrolled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_completed_by_user_id_users_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_certificate_evidence_id_evidence_files_id_fk" FOREIGN KEY ("certificate_evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_certificate_evidence_id_evidence_files_id_fk" FOREIGN KEY ("certificate_evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_need_sources" ADD CONSTRAINT "training_need_sources_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_need_sources" ADD CONSTRAINT "training_need_sources_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_planned_course_id_training_courses_id_fk" FOREIGN KEY ("planned_course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_agreed_by_employee_id_employees_id_fk" FOREIGN KEY ("agreed_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_agreed_by_employee_id_employees_id_fk" FOREIGN KEY ("agreed_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("enrolment_id","date");--> statement-breakpoint
CREATE INDEX "training_attendance_session_id_date_index" ON "training_attendance" USING btree ("session_id","date");--> statement-breakpoint
CREATE INDEX "training_attendance_employee_id_index" ON "training_attendance" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "training_attendance_recorded_by_user_id_index" ON "training_attendance" USING btree ("recorded_by_user_id");--> statement-breakpoint
CREATE INDEX "training_course_organisers_unit_id_index" ON "training_course_organisers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "training_courses_instansi_id_active_index" ON "training_courses" USING btree ("instansi_id","active");--> statement-breakpoint
CREATE INDEX "training_courses_created_by_user_id_index" ON "training_courses" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_session_uq" ON "training_enrolments" USING btree ("session_id","employee_id") WHERE "training_enrolments"."status" in ('REQUESTED', 'ENROLLED', 'COMPLETED', 'INCOMPLETE');--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_course_active_uq" ON "training_enrolments" USING btree ("course_id","employee_id") WHERE "training_enrolments"."status" in ('REQUESTED', 'ENROLLED');--> statement-breakpoint
CREATE INDEX "training_enrolments_jp_idx" ON "training_enrolments" USING btree ("employee_id","completed_on") WHERE "training_enrolments"."status" = 'COMPLETED';--> statement-breakpoint
CREATE INDEX "training_enrolments_session_id_status_index" ON "training_enrolments" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "training_enrolments_course_id_index" ON "training_enrolments" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_approver_employee_id_status_index" ON "training_enrolments" USING btree ("approver_employee_id","status");--> statement-breakpoint
CREATE INDEX "training_enrolments_instansi_id_index" ON "training_enrolments" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_need_id_index" ON "training_enrolments" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_decided_by_employee_id_index" ON "training_enrolments" USING btree ("decided_by_employee_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_enrolled_by_user_id_index" ON "training_enrolments" USING btree ("enrolled_by_user_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_cancelled_by_user_id_index" ON "training_enrolments" USING btree ("cancelled_by_user_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_completed_by_user_id_index" ON "training_enrolments" USING btree ("completed_by_user_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_certificate_evidence_id_index" ON "training_enrolments" USING btree ("certificate_evidence_id");--> statement-breakpoint
CREATE INDEX "training_external_employee_id_status_index" ON "training_external" USING btree ("employee_id","status");--> statement-breakpoint
CREATE INDEX "training_external_instansi_id_status_index" ON "training_external" USING btree ("instansi_id","status");--> statement-breakpoint
CREATE INDEX "training_external_certificate_evidence_id_index" ON "training_external" USING btree ("certificate_evidence_id");--> statement-breakpoint
CREATE INDEX "training_external_need_id_index" ON "training_external" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "training_external_submitted_by_user_id_index" ON "training_external" USING btree ("submitted_by_user_id");--> statement-breakpoint
CREATE INDEX "training_external_decided_by_user_id_index" ON "training_external" USING btree ("decided_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_need_sources_uq" ON "training_need_sources" USING btree ("employee_id","source_key");--> statement-breakpoint
CREATE INDEX "training_need_sources_need_id_index" ON "training_need_sources" USING btree ("need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_needs_open_area_uq" ON "training_needs" USING btree ("employee_id","year","area_key") WHERE "training_needs"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "training_needs_employee_id_year_index" ON "training_needs" USING btree ("employee_id","year");--> statement-breakpoint
CREATE INDEX "training_needs_instansi_id_status_index" ON "training_needs" USING btree ("instansi_id","status");--> statement-breakpoint
CREATE INDEX "training_needs_planned_course_id_index" ON "training_needs" USING btree ("planned_course_id");--> statement-breakpoint
CREATE INDEX "training_needs_agreed_by_employee_id_index" ON "training_needs" USING btree ("agreed_by_employee_id");--> statement-breakpoint
CREATE INDEX "training_needs_closed_by_enrolment_id_index" ON "training_needs" USING btree ("closed_by_enrolment_id");--> statement-breakpoint
CREATE INDEX "training_needs_closed_by_external_id_index" ON "training_needs" USING btree ("closed_by_external_id");--> statement-breakpoint
CREATE INDEX "training_needs_created_by_user_id_index" ON "training_needs" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plans_uq" ON "training_plans" USING btree ("employee_id","year");--> statement-breakpoint
CREATE INDEX "training_plans_agreed_by_employee_id_index" ON "training_plans" USING btree ("agreed_by_employee_id");--> statement-breakpoint
CREATE INDEX "training_plans_instansi_id_index" ON "training_plans" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course_id_index" ON "training_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_sessions_instansi_id_start_date_index" ON "training_sessions" USING btree ("instansi_id","start_date");--> statement-breakpoint
CREATE INDEX "training_sessions_created_by_user_id_index" ON "training_sessions" USING btree ("created_by_user_id");