CREATE TYPE "public"."berakhlak" AS ENUM('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF');--> statement-breakpoint
CREATE TYPE "public"."skp_approach" AS ENUM('KUANTITATIF', 'KUALITATIF');--> statement-breakpoint
CREATE TYPE "public"."skp_aspek" AS ENUM('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA');--> statement-breakpoint
CREATE TYPE "public"."skp_form" AS ENUM('JPT', 'NON_JPT');--> statement-breakpoint
CREATE TYPE "public"."skp_lampiran_kind" AS ENUM('DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI');--> statement-breakpoint
CREATE TYPE "public"."skp_period_kind" AS ENUM('PERIODIC', 'ANNUAL');--> statement-breakpoint
CREATE TYPE "public"."skp_period_length" AS ENUM('MONTHLY', 'QUARTERLY', 'SEMESTER');--> statement-breakpoint
CREATE TYPE "public"."skp_perspektif" AS ENUM('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN');--> statement-breakpoint
CREATE TYPE "public"."skp_rhk_kind" AS ENUM('UTAMA', 'TAMBAHAN');--> statement-breakpoint
CREATE TYPE "public"."skp_rhk_origin" AS ENUM('OWN', 'CASCADE');--> statement-breakpoint
CREATE TYPE "public"."skp_status" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."predikat_kinerja" AS ENUM('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');--> statement-breakpoint
CREATE TYPE "public"."predikat_organisasi" AS ENUM('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');--> statement-breakpoint
CREATE TYPE "public"."skp_document_kind" AS ENUM('SKP', 'EVALUASI');--> statement-breakpoint
CREATE TYPE "public"."skp_evaluation_status" AS ENUM('IN_PROGRESS', 'RATED', 'FINAL');--> statement-breakpoint
CREATE TYPE "public"."skp_objection_status" AS ENUM('PENDING', 'ACCEPTED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."skp_rating" AS ENUM('DI_ATAS', 'SESUAI', 'DI_BAWAH');--> statement-breakpoint
CREATE TABLE "skp_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rhk_id" integer NOT NULL,
	"key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" smallint NOT NULL,
	"aspek" "skp_aspek",
	"perspektif" "skp_perspektif",
	"text" varchar(1000) NOT NULL,
	"target_value" numeric(14, 2),
	"target_unit" varchar(60),
	"target_text" varchar(300)
);
--> statement-breakpoint
CREATE TABLE "skp_lampiran" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_lampiran_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skp_id" integer NOT NULL,
	"kind" "skp_lampiran_kind" NOT NULL,
	"seq" smallint NOT NULL,
	"text" varchar(1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_perilaku" (
	"skp_id" integer NOT NULL,
	"behaviour" "berakhlak" NOT NULL,
	"ekspektasi" varchar(2000),
	"updated_by_employee_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_perilaku_skp_id_behaviour_pk" PRIMARY KEY("skp_id","behaviour")
);
--> statement-breakpoint
CREATE TABLE "skp_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"kind" "skp_period_kind" NOT NULL,
	"length" "skp_period_length",
	"seq" smallint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"label_id" varchar(60) NOT NULL,
	"label_en" varchar(60) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_rhks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_rhks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "skp_rhk_kind" NOT NULL,
	"seq" smallint NOT NULL,
	"text" varchar(1000) NOT NULL,
	"parent_rhk_id" integer,
	"origin" "skp_rhk_origin" DEFAULT 'OWN' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_settings" (
	"instansi_id" integer PRIMARY KEY NOT NULL,
	"period_length" "skp_period_length" DEFAULT 'QUARTERLY' NOT NULL,
	"objection_days" smallint DEFAULT 14 NOT NULL,
	"objection_decision_days" smallint DEFAULT 14 NOT NULL,
	"rule_set_id" varchar(60) DEFAULT 'permenpanrb-6-2022' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" integer
);
--> statement-breakpoint
CREATE TABLE "skps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"series_id" integer,
	"version" smallint DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"year" smallint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"position_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"form" "skp_form" NOT NULL,
	"approach" "skp_approach" DEFAULT 'KUANTITATIF' NOT NULL,
	"status" "skp_status" DEFAULT 'DRAFT' NOT NULL,
	"penilai_employee_id" integer,
	"atasan_penilai_employee_id" integer,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by_employee_id" integer,
	"returned_at" timestamp with time zone,
	"return_note" varchar(2000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skps_range_ck" CHECK ("skps"."period_end" >= "skps"."period_start")
);
--> statement-breakpoint
CREATE TABLE "skp_dialogs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_dialogs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"period_id" integer,
	"held_on" date NOT NULL,
	"notes" varchar(4000) NOT NULL,
	"agreements" varchar(2000),
	"author_employee_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_distribution_overrides" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_distribution_overrides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"predikat_organisasi" "predikat_organisasi" NOT NULL,
	"justification" varchar(2000) NOT NULL,
	"counts" jsonb NOT NULL,
	"violations" jsonb NOT NULL,
	"created_by_employee_id" integer,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"code" varchar(40) NOT NULL,
	"kind" "skp_document_kind" NOT NULL,
	"skp_id" integer NOT NULL,
	"evaluation_id" integer,
	"sha256" char(64) NOT NULL,
	"summary" jsonb NOT NULL,
	"generated_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_evaluation_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_evaluation_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evaluation_id" integer NOT NULL,
	"rhk_id" integer,
	"behaviour" "berakhlak",
	"rating" "skp_rating" NOT NULL,
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "skp_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"series_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" "skp_evaluation_status" DEFAULT 'IN_PROGRESS' NOT NULL,
	"self_assessment" varchar(4000),
	"self_assessed_at" timestamp with time zone,
	"hasil_kerja_rating" "skp_rating",
	"hasil_kerja_reason" varchar(2000),
	"perilaku_rating" "skp_rating",
	"perilaku_reason" varchar(2000),
	"predikat" "predikat_kinerja",
	"rule_set_id" varchar(60),
	"catatan" varchar(2000),
	"penilai_employee_id" integer,
	"atasan_penilai_employee_id" integer,
	"rated_at" timestamp with time zone,
	"locked" boolean DEFAULT false NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by_employee_id" integer,
	"override_id" integer,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"realisation_id" integer NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"mime_type" varchar(100),
	"size_bytes" integer,
	"sha256" char(64),
	"url" varchar(1000),
	"storage_key" varchar(300),
	"uploaded_by_employee_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"period_id" integer,
	"rhk_id" integer,
	"behaviour" "berakhlak",
	"parent_id" integer,
	"author_employee_id" integer NOT NULL,
	"body" varchar(2000) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"evaluation_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"reason" varchar(4000) NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_due" date NOT NULL,
	"decider_employee_id" integer NOT NULL,
	"status" "skp_objection_status" DEFAULT 'PENDING' NOT NULL,
	"decision_note" varchar(4000),
	"decided_at" timestamp with time zone,
	"previous_predikat" "predikat_kinerja",
	"new_predikat" "predikat_kinerja"
);
--> statement-breakpoint
CREATE TABLE "skp_org_predikat" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_org_predikat_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"predikat" "predikat_organisasi" NOT NULL,
	"note" varchar(1000),
	"set_by_employee_id" integer,
	"set_by_user_id" integer NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_realisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_realisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"value" numeric(14, 2),
	"text" varchar(2000),
	"updated_by_employee_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "skp_indicators" ADD CONSTRAINT "skp_indicators_rhk_id_skp_rhks_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_lampiran" ADD CONSTRAINT "skp_lampiran_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_perilaku" ADD CONSTRAINT "skp_perilaku_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_perilaku" ADD CONSTRAINT "skp_perilaku_updated_by_employee_id_employees_id_fk" FOREIGN KEY ("updated_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_periods" ADD CONSTRAINT "skp_periods_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhks" ADD CONSTRAINT "skp_rhks_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhks" ADD CONSTRAINT "skp_rhks_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhks" ADD CONSTRAINT "skp_rhks_parent_rhk_id_skp_rhks_id_fk" FOREIGN KEY ("parent_rhk_id") REFERENCES "public"."skp_rhks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_settings" ADD CONSTRAINT "skp_settings_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_settings" ADD CONSTRAINT "skp_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_series_id_skps_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_penilai_employee_id_employees_id_fk" FOREIGN KEY ("penilai_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_atasan_penilai_employee_id_employees_id_fk" FOREIGN KEY ("atasan_penilai_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_approved_by_employee_id_employees_id_fk" FOREIGN KEY ("approved_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_dialogs" ADD CONSTRAINT "skp_dialogs_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_dialogs" ADD CONSTRAINT "skp_dialogs_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_dialogs" ADD CONSTRAINT "skp_dialogs_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_dialogs" ADD CONSTRAINT "skp_dialogs_author_employee_id_employees_id_fk" FOREIGN KEY ("author_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_distribution_overrides" ADD CONSTRAINT "skp_distribution_overrides_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_distribution_overrides" ADD CONSTRAINT "skp_distribution_overrides_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_distribution_overrides" ADD CONSTRAINT "skp_distribution_overrides_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_distribution_overrides" ADD CONSTRAINT "skp_distribution_overrides_created_by_employee_id_employees_id_fk" FOREIGN KEY ("created_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_distribution_overrides" ADD CONSTRAINT "skp_distribution_overrides_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_documents" ADD CONSTRAINT "skp_documents_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_documents" ADD CONSTRAINT "skp_documents_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_documents" ADD CONSTRAINT "skp_documents_evaluation_id_skp_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."skp_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_documents" ADD CONSTRAINT "skp_documents_generated_by_user_id_users_id_fk" FOREIGN KEY ("generated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluation_items" ADD CONSTRAINT "skp_evaluation_items_evaluation_id_skp_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."skp_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluation_items" ADD CONSTRAINT "skp_evaluation_items_rhk_id_skp_rhks_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_series_id_skps_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_penilai_employee_id_employees_id_fk" FOREIGN KEY ("penilai_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_atasan_penilai_employee_id_employees_id_fk" FOREIGN KEY ("atasan_penilai_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_finalised_by_employee_id_employees_id_fk" FOREIGN KEY ("finalised_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_override_id_skp_distribution_overrides_id_fk" FOREIGN KEY ("override_id") REFERENCES "public"."skp_distribution_overrides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evidence" ADD CONSTRAINT "skp_evidence_realisation_id_skp_realisations_id_fk" FOREIGN KEY ("realisation_id") REFERENCES "public"."skp_realisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evidence" ADD CONSTRAINT "skp_evidence_uploaded_by_employee_id_employees_id_fk" FOREIGN KEY ("uploaded_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_rhk_id_skp_rhks_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_parent_id_skp_feedback_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."skp_feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_feedback" ADD CONSTRAINT "skp_feedback_author_employee_id_employees_id_fk" FOREIGN KEY ("author_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_objections" ADD CONSTRAINT "skp_objections_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_objections" ADD CONSTRAINT "skp_objections_evaluation_id_skp_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."skp_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_objections" ADD CONSTRAINT "skp_objections_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_objections" ADD CONSTRAINT "skp_objections_decider_employee_id_employees_id_fk" FOREIGN KEY ("decider_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_org_predikat" ADD CONSTRAINT "skp_org_predikat_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_org_predikat" ADD CONSTRAINT "skp_org_predikat_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_org_predikat" ADD CONSTRAINT "skp_org_predikat_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_org_predikat" ADD CONSTRAINT "skp_org_predikat_set_by_employee_id_employees_id_fk" FOREIGN KEY ("set_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_org_predikat" ADD CONSTRAINT "skp_org_predikat_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_indicator_id_skp_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."skp_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_period_id_skp_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skp_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_updated_by_employee_id_employees_id_fk" FOREIGN KEY ("updated_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skp_indicators_rhk_id_index" ON "skp_indicators" USING btree ("rhk_id");--> statement-breakpoint
CREATE INDEX "skp_indicators_key_index" ON "skp_indicators" USING btree ("key");--> statement-breakpoint
CREATE INDEX "skp_lampiran_skp_id_kind_index" ON "skp_lampiran" USING btree ("skp_id","kind");--> statement-breakpoint
CREATE INDEX "skp_perilaku_updated_by_employee_id_index" ON "skp_perilaku" USING btree ("updated_by_employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_periods_uq" ON "skp_periods" USING btree ("instansi_id","year","kind","seq");--> statement-breakpoint
CREATE INDEX "skp_rhks_skp_id_index" ON "skp_rhks" USING btree ("skp_id");--> statement-breakpoint
CREATE INDEX "skp_rhks_parent_rhk_id_index" ON "skp_rhks" USING btree ("parent_rhk_id");--> statement-breakpoint
CREATE INDEX "skp_rhks_key_index" ON "skp_rhks" USING btree ("key");--> statement-breakpoint
CREATE INDEX "skp_rhks_instansi_id_index" ON "skp_rhks" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "skps_instansi_id_year_index" ON "skps" USING btree ("instansi_id","year");--> statement-breakpoint
CREATE INDEX "skps_employee_idx" ON "skps" USING btree ("employee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "skps_series_version_uq" ON "skps" USING btree ("series_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "skps_current_uq" ON "skps" USING btree ("employee_id","period_start") WHERE "skps"."is_current";--> statement-breakpoint
CREATE INDEX "skps_unit_id_index" ON "skps" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "skps_position_id_index" ON "skps" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "skps_penilai_employee_id_index" ON "skps" USING btree ("penilai_employee_id");--> statement-breakpoint
CREATE INDEX "skps_atasan_penilai_employee_id_index" ON "skps" USING btree ("atasan_penilai_employee_id");--> statement-breakpoint
CREATE INDEX "skps_approved_by_employee_id_index" ON "skps" USING btree ("approved_by_employee_id");--> statement-breakpoint
CREATE INDEX "skp_dialogs_skp_id_index" ON "skp_dialogs" USING btree ("skp_id");--> statement-breakpoint
CREATE INDEX "skp_dialogs_period_id_index" ON "skp_dialogs" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "skp_dialogs_author_employee_id_index" ON "skp_dialogs" USING btree ("author_employee_id");--> statement-breakpoint
CREATE INDEX "skp_distribution_overrides_unit_id_period_id_index" ON "skp_distribution_overrides" USING btree ("unit_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_distribution_overrides_period_id_index" ON "skp_distribution_overrides" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "skp_distribution_overrides_created_by_employee_id_index" ON "skp_distribution_overrides" USING btree ("created_by_employee_id");--> statement-breakpoint
CREATE INDEX "skp_distribution_overrides_created_by_user_id_index" ON "skp_distribution_overrides" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_documents_code_uq" ON "skp_documents" USING btree ("code");--> statement-breakpoint
CREATE INDEX "skp_documents_skp_id_index" ON "skp_documents" USING btree ("skp_id");--> statement-breakpoint
CREATE INDEX "skp_documents_evaluation_id_index" ON "skp_documents" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "skp_documents_instansi_id_index" ON "skp_documents" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "skp_documents_generated_by_user_id_index" ON "skp_documents" USING btree ("generated_by_user_id");--> statement-breakpoint
CREATE INDEX "skp_evaluation_items_evaluation_id_index" ON "skp_evaluation_items" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "skp_evaluation_items_rhk_id_index" ON "skp_evaluation_items" USING btree ("rhk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_evaluation_items_rhk_uq" ON "skp_evaluation_items" USING btree ("evaluation_id","rhk_id") WHERE "skp_evaluation_items"."rhk_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "skp_evaluation_items_behaviour_uq" ON "skp_evaluation_items" USING btree ("evaluation_id","behaviour") WHERE "skp_evaluation_items"."behaviour" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "skp_evaluations_uq" ON "skp_evaluations" USING btree ("series_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_period_id_unit_id_index" ON "skp_evaluations" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_skp_id_index" ON "skp_evaluations" USING btree ("skp_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_employee_id_index" ON "skp_evaluations" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_unit_id_index" ON "skp_evaluations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_penilai_employee_id_index" ON "skp_evaluations" USING btree ("penilai_employee_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_atasan_penilai_employee_id_index" ON "skp_evaluations" USING btree ("atasan_penilai_employee_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_finalised_by_employee_id_index" ON "skp_evaluations" USING btree ("finalised_by_employee_id");--> statement-breakpoint
CREATE INDEX "skp_evaluations_override_id_index" ON "skp_evaluations" USING btree ("override_id");--> statement-breakpoint
CREATE INDEX "skp_evidence_realisation_id_index" ON "skp_evidence" USING btree ("realisation_id");--> statement-breakpoint
CREATE INDEX "skp_evidence_uploaded_by_employee_id_index" ON "skp_evidence" USING btree ("uploaded_by_employee_id");--> statement-breakpoint
CREATE INDEX "skp_feedback_skp_id_period_id_index" ON "skp_feedback" USING btree ("skp_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_feedback_rhk_id_index" ON "skp_feedback" USING btree ("rhk_id");--> statement-breakpoint
CREATE INDEX "skp_feedback_parent_id_index" ON "skp_feedback" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "skp_feedback_period_id_index" ON "skp_feedback" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "skp_feedback_author_employee_id_index" ON "skp_feedback" USING btree ("author_employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_objections_evaluation_uq" ON "skp_objections" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "skp_objections_employee_id_index" ON "skp_objections" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "skp_objections_decider_employee_id_status_index" ON "skp_objections" USING btree ("decider_employee_id","status");--> statement-breakpoint
CREATE INDEX "skp_objections_instansi_id_index" ON "skp_objections" USING btree ("instansi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_org_predikat_uq" ON "skp_org_predikat" USING btree ("unit_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_org_predikat_period_id_index" ON "skp_org_predikat" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "skp_org_predikat_instansi_id_index" ON "skp_org_predikat" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "skp_org_predikat_set_by_employee_id_index" ON "skp_org_predikat" USING btree ("set_by_employee_id");--> statement-breakpoint
CREATE INDEX "skp_org_predikat_set_by_user_id_index" ON "skp_org_predikat" USING btree ("set_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_realisations_uq" ON "skp_realisations" USING btree ("indicator_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_realisations_skp_id_period_id_index" ON "skp_realisations" USING btree ("skp_id","period_id");--> statement-breakpoint
CREATE INDEX "skp_realisations_period_id_index" ON "skp_realisations" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "skp_realisations_updated_by_employee_id_index" ON "skp_realisations" USING btree ("updated_by_employee_id");