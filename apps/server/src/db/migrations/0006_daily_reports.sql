CREATE TYPE "public"."daily_activity_status" AS ENUM('PENDING', 'VERIFIED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."daily_report_status" AS ENUM('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."supervision_kind" AS ENUM('NOTE', 'PEMBINAAN', 'DIALOG_KINERJA');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('NONE', 'PENDING', 'SENT', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('PENDING', 'RUNNING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"size_bytes" integer NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"original_name" varchar(255) NOT NULL,
	"uploaded_by_user_id" integer NOT NULL,
	"uploaded_by_employee_id" integer,
	"photo_taken_at" timestamp with time zone,
	"gps_latitude" double precision,
	"gps_longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"date" date NOT NULL,
	"seq" smallint NOT NULL,
	"start_time" time(0),
	"end_time" time(0),
	"minutes" smallint NOT NULL,
	"description" varchar(1000) NOT NULL,
	"rhk_id" integer,
	"indicator_id" integer,
	"output_quantity" numeric(12, 2),
	"output_unit" varchar(60),
	"status" "daily_activity_status" DEFAULT 'PENDING' NOT NULL,
	"note" varchar(1000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_activities_minutes_ck" CHECK ("daily_activities"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "daily_activity_evidence" (
	"activity_id" integer NOT NULL,
	"evidence_id" integer NOT NULL,
	CONSTRAINT "daily_activity_evidence_activity_id_evidence_id_pk" PRIMARY KEY("activity_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "daily_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"date" date NOT NULL,
	"status" "daily_report_status" DEFAULT 'DRAFT' NOT NULL,
	"unit_id" integer,
	"opd_id" integer,
	"verifier_employee_id" integer,
	"total_minutes" integer DEFAULT 0 NOT NULL,
	"activity_count" smallint DEFAULT 0 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_employee_id" integer,
	"return_note" varchar(1000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_reports_minutes_ck" CHECK ("daily_reports"."total_minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" integer NOT NULL,
	"key" varchar(100) NOT NULL,
	"fingerprint" char(64) NOT NULL,
	"status_code" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "supervision_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"author_employee_id" integer NOT NULL,
	"kind" "supervision_kind" NOT NULL,
	"alert_kind" varchar(40),
	"held_on" date NOT NULL,
	"body" varchar(4000) NOT NULL,
	"follow_up" varchar(2000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"recipient_employee_id" integer NOT NULL,
	"type" varchar(60) NOT NULL,
	"params" jsonb NOT NULL,
	"link" varchar(300),
	"read_at" timestamp with time zone,
	"email_status" "email_status" DEFAULT 'NONE' NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instansi_id" integer,
	"type" varchar(60) NOT NULL,
	"payload" jsonb NOT NULL,
	"unique_key" varchar(200),
	"status" "job_status" DEFAULT 'PENDING' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"max_attempts" smallint DEFAULT 5 NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" varchar(100),
	"last_error" varchar(2000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_employee_id_employees_id_fk" FOREIGN KEY ("uploaded_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activities" ADD CONSTRAINT "daily_activities_report_id_daily_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."daily_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activities" ADD CONSTRAINT "daily_activities_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activities" ADD CONSTRAINT "daily_activities_rhk_id_skp_rhks_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activities" ADD CONSTRAINT "daily_activities_indicator_id_skp_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."skp_indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activity_evidence" ADD CONSTRAINT "daily_activity_evidence_activity_id_daily_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."daily_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_activity_evidence" ADD CONSTRAINT "daily_activity_evidence_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_opd_id_org_units_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_verifier_employee_id_employees_id_fk" FOREIGN KEY ("verifier_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_decided_by_employee_id_employees_id_fk" FOREIGN KEY ("decided_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_author_employee_id_employees_id_fk" FOREIGN KEY ("author_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_employee_id_employees_id_fk" FOREIGN KEY ("recipient_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_uploader_sha_uq" ON "evidence_files" USING btree ("uploaded_by_user_id","sha256");--> statement-breakpoint
CREATE INDEX "evidence_files_sha256_index" ON "evidence_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evidence_files_instansi_id_index" ON "evidence_files" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "evidence_files_uploaded_by_employee_id_index" ON "evidence_files" USING btree ("uploaded_by_employee_id");--> statement-breakpoint
CREATE INDEX "daily_activities_report_id_index" ON "daily_activities" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "daily_activities_employee_date_idx" ON "daily_activities" USING btree ("employee_id","date");--> statement-breakpoint
CREATE INDEX "daily_activities_indicator_idx" ON "daily_activities" USING btree ("indicator_id","date");--> statement-breakpoint
CREATE INDEX "daily_activities_rhk_id_index" ON "daily_activities" USING btree ("rhk_id");--> statement-breakpoint
CREATE INDEX "daily_activity_evidence_evidence_id_index" ON "daily_activity_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_reports_employee_date_uq" ON "daily_reports" USING btree ("employee_id","date");--> statement-breakpoint
CREATE INDEX "daily_reports_instansi_date_idx" ON "daily_reports" USING btree ("instansi_id","date","opd_id","status");--> statement-breakpoint
CREATE INDEX "daily_reports_pending_idx" ON "daily_reports" USING btree ("verifier_employee_id","date") WHERE "daily_reports"."status" = 'SUBMITTED';--> statement-breakpoint
CREATE INDEX "daily_reports_decided_idx" ON "daily_reports" USING btree ("decided_by_employee_id","decided_at");--> statement-breakpoint
CREATE INDEX "daily_reports_unit_id_index" ON "daily_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "daily_reports_opd_id_index" ON "daily_reports" USING btree ("opd_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "supervision_records_employee_idx" ON "supervision_records" USING btree ("employee_id","held_on");--> statement-breakpoint
CREATE INDEX "supervision_records_author_employee_id_index" ON "supervision_records" USING btree ("author_employee_id");--> statement-breakpoint
CREATE INDEX "supervision_records_instansi_id_index" ON "supervision_records" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_employee_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_employee_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("id") WHERE "notifications"."email_status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "notifications_instansi_id_index" ON "notifications" USING btree ("instansi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key_uq" ON "jobs" USING btree ("unique_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at","id") WHERE "jobs"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_at") WHERE "jobs"."status" = 'RUNNING';--> statement-breakpoint
CREATE INDEX "jobs_instansi_id_index" ON "jobs" USING btree ("instansi_id");