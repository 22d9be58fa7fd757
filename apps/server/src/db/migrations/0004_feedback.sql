CREATE TYPE "public"."complaint_status" AS ENUM('DITERIMA', 'DIVERIFIKASI', 'DITOLAK', 'DIDISPOSISIKAN', 'DITINDAKLANJUTI', 'SELESAI');--> statement-breakpoint
CREATE TYPE "public"."holiday_kind" AS ENUM('NASIONAL', 'CUTI_BERSAMA', 'DAERAH');--> statement-breakpoint
CREATE TABLE "complaint_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"complaint_id" integer NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"mime_type" varchar(60) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content_base64" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_contacts" (
	"complaint_id" integer PRIMARY KEY NOT NULL,
	"name" varchar(120),
	"phone" varchar(30),
	"email" varchar(200)
);
--> statement-breakpoint
CREATE TABLE "complaint_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"complaint_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" varchar(20) NOT NULL,
	"from_status" "complaint_status",
	"to_status" "complaint_status",
	"actor_kind" varchar(10) NOT NULL,
	"actor_user_id" integer,
	"actor_name" varchar(200),
	"unit_id" integer,
	"employee_id" integer,
	"note" varchar(4000),
	"visible_to_complainant" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_responses" (
	"complaint_id" integer PRIMARY KEY NOT NULL,
	"employee_id" integer NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	"response" varchar(2000),
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"tracking_code" varchar(20) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"service_point_id" integer,
	"unit_id" integer NOT NULL,
	"handling_unit_id" integer,
	"category" varchar(30) NOT NULL,
	"description" varchar(4000) NOT NULL,
	"redacted_description" varchar(4000),
	"subject_employee_id" integer,
	"anonymous" boolean DEFAULT false NOT NULL,
	"confidential" boolean DEFAULT true NOT NULL,
	"status" "complaint_status" DEFAULT 'DITERIMA' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"verify_due_on" date NOT NULL,
	"follow_up_due_on" date,
	"due_on" date,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_to_employee_id" integer,
	"sla_breaches" smallint DEFAULT 0 NOT NULL,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"last_follow_up_on" date,
	"closed_on" date,
	"resolution_days" integer,
	"rejection_reason" varchar(1000),
	"duplicate_of_id" integer,
	"client_hash" varchar(64) NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"complaint_id" integer,
	"survey_response_id" integer,
	"unit_id" integer NOT NULL,
	"subject_employee_id" integer,
	"responsible_employee_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"follow_up_note" varchar(2000),
	"followed_up_at" timestamp with time zone,
	"followed_up_by_user_id" integer
);
--> statement-breakpoint
CREATE TABLE "feedback_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"complaint_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"aspect" varchar(40) DEFAULT 'BERORIENTASI_PELAYANAN' NOT NULL,
	"note" varchar(1000),
	"attached_by_user_id" integer NOT NULL,
	"attached_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "holidays_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"date" date NOT NULL,
	"name" varchar(120) NOT NULL,
	"kind" "holiday_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_point_staff" (
	"service_point_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_staff_service_point_id_employee_id_pk" PRIMARY KEY("service_point_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" varchar(1000),
	"slug" varchar(80) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"service_point_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"responded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"age_group" varchar(20),
	"sex" "sex",
	"education" varchar(20),
	"job" varchar(30),
	"comment" varchar(1000),
	"served_by_employee_id" integer,
	"low_score" boolean DEFAULT false NOT NULL,
	"client_hash" varchar(64) NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	CONSTRAINT "survey_responses_answers_ck" CHECK ("survey_responses"."u1" between 1 and 4 and "survey_responses"."u2" between 1 and 4 and "survey_responses"."u3" between 1 and 4 and "survey_responses"."u4" between 1 and 4
        and "survey_responses"."u5" between 1 and 4 and "survey_responses"."u6" between 1 and 4 and "survey_responses"."u7" between 1 and 4 and "survey_responses"."u8" between 1 and 4
        and "survey_responses"."u9" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_contacts" ADD CONSTRAINT "complaint_contacts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_responses" ADD CONSTRAINT "complaint_responses_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_responses" ADD CONSTRAINT "complaint_responses_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handling_unit_id_org_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_subject_employee_id_employees_id_fk" FOREIGN KEY ("subject_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_escalated_to_employee_id_employees_id_fk" FOREIGN KEY ("escalated_to_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_id_complaints_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_survey_response_id_survey_responses_id_fk" FOREIGN KEY ("survey_response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_subject_employee_id_employees_id_fk" FOREIGN KEY ("subject_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_responsible_employee_id_employees_id_fk" FOREIGN KEY ("responsible_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_alerts" ADD CONSTRAINT "feedback_alerts_followed_up_by_user_id_users_id_fk" FOREIGN KEY ("followed_up_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evidence" ADD CONSTRAINT "feedback_evidence_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evidence" ADD CONSTRAINT "feedback_evidence_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evidence" ADD CONSTRAINT "feedback_evidence_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evidence" ADD CONSTRAINT "feedback_evidence_attached_by_user_id_users_id_fk" FOREIGN KEY ("attached_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_staff" ADD CONSTRAINT "service_point_staff_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_staff" ADD CONSTRAINT "service_point_staff_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_served_by_employee_id_employees_id_fk" FOREIGN KEY ("served_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_attachments_complaint_id_index" ON "complaint_attachments" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_history_complaint_idx" ON "complaint_history" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_history_actor_user_id_index" ON "complaint_history" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "complaint_history_unit_id_index" ON "complaint_history" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "complaint_history_employee_id_index" ON "complaint_history" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "complaint_responses_employee_id_index" ON "complaint_responses" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_code_uq" ON "complaints" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "complaints_instansi_status_idx" ON "complaints" USING btree ("instansi_id","status");--> statement-breakpoint
CREATE INDEX "complaints_instansi_received_idx" ON "complaints" USING btree ("instansi_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "complaints_service_point_id_index" ON "complaints" USING btree ("service_point_id");--> statement-breakpoint
CREATE INDEX "complaints_unit_id_index" ON "complaints" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "complaints_handling_unit_id_index" ON "complaints" USING btree ("handling_unit_id");--> statement-breakpoint
CREATE INDEX "complaints_subject_employee_id_index" ON "complaints" USING btree ("subject_employee_id");--> statement-breakpoint
CREATE INDEX "complaints_escalated_to_employee_id_index" ON "complaints" USING btree ("escalated_to_employee_id");--> statement-breakpoint
CREATE INDEX "complaints_duplicate_of_id_index" ON "complaints" USING btree ("duplicate_of_id");--> statement-breakpoint
CREATE INDEX "complaints_content_idx" ON "complaints" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "feedback_alerts_instansi_open_idx" ON "feedback_alerts" USING btree ("instansi_id","followed_up_at");--> statement-breakpoint
CREATE INDEX "feedback_alerts_complaint_id_index" ON "feedback_alerts" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "feedback_alerts_survey_response_id_index" ON "feedback_alerts" USING btree ("survey_response_id");--> statement-breakpoint
CREATE INDEX "feedback_alerts_unit_id_index" ON "feedback_alerts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "feedback_alerts_subject_employee_id_index" ON "feedback_alerts" USING btree ("subject_employee_id");--> statement-breakpoint
CREATE INDEX "feedback_alerts_responsible_employee_id_index" ON "feedback_alerts" USING btree ("responsible_employee_id");--> statement-breakpoint
CREATE INDEX "feedback_alerts_followed_up_by_user_id_index" ON "feedback_alerts" USING btree ("followed_up_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_evidence_complaint_uq" ON "feedback_evidence" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "feedback_evidence_employee_id_index" ON "feedback_evidence" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "feedback_evidence_instansi_id_index" ON "feedback_evidence" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "feedback_evidence_attached_by_user_id_index" ON "feedback_evidence" USING btree ("attached_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_instansi_date_uq" ON "holidays" USING btree ("instansi_id","date");--> statement-breakpoint
CREATE INDEX "service_point_staff_employee_id_index" ON "service_point_staff" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_points_slug_uq" ON "service_points" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "service_points_instansi_id_index" ON "service_points" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "service_points_unit_id_index" ON "service_points" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "survey_responses_sp_date_idx" ON "survey_responses" USING btree ("service_point_id","responded_on");--> statement-breakpoint
CREATE INDEX "survey_responses_instansi_date_idx" ON "survey_responses" USING btree ("instansi_id","responded_on");--> statement-breakpoint
CREATE INDEX "survey_responses_unit_id_index" ON "survey_responses" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "survey_responses_served_by_employee_id_index" ON "survey_responses" USING btree ("served_by_employee_id");--> statement-breakpoint
CREATE INDEX "survey_responses_client_idx" ON "survey_responses" USING btree ("client_hash","content_hash");