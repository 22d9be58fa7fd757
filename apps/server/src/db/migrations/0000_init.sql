CREATE TYPE "public"."assignment_kind" AS ENUM('DEFINITIF', 'PLT', 'PLH');--> statement-breakpoint
CREATE TYPE "public"."jabatan_type" AS ENUM('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL');--> statement-breakpoint
CREATE TYPE "public"."jenis_asn" AS ENUM('PNS', 'PPPK');--> statement-breakpoint
CREATE TYPE "public"."jenjang" AS ENUM('PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA', 'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('L', 'P');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('SEKRETARIAT', 'DINAS', 'BADAN', 'KANTOR', 'SATUAN', 'INSPEKTORAT', 'KECAMATAN', 'KELURAHAN', 'GAMPONG', 'BAGIAN', 'BIDANG', 'SEKSI', 'SUBBAGIAN', 'UPTD', 'LAINNYA');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('SUPER_ADMIN', 'ADMIN_BKPSDM', 'ADMIN_OPD', 'INSPEKTORAT', 'PIMPINAN');--> statement-breakpoint
CREATE TABLE "instansi" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instansi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	"name" varchar(200) NOT NULL,
	"timezone" varchar(64) DEFAULT 'Asia/Jakarta' NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instansi_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"employee_id" integer NOT NULL,
	"position_id" integer NOT NULL,
	"kind" "assignment_kind" DEFAULT 'DEFINITIF' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"decree_number" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_range_ck" CHECK ("assignments"."valid_to" is null or "assignments"."valid_to" >= "assignments"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "employees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"nip" varchar(18) NOT NULL,
	"name" varchar(120) NOT NULL,
	"gelar_depan" varchar(40),
	"gelar_belakang" varchar(60),
	"jenis_asn" "jenis_asn" NOT NULL,
	"golongan" varchar(8),
	"birth_date" date,
	"sex" "sex",
	"email" varchar(200),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"parent_id" integer,
	"opd_id" integer,
	"path" varchar(400) NOT NULL,
	"code" varchar(40),
	"name" varchar(200) NOT NULL,
	"short_name" varchar(60),
	"kind" "unit_kind" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "positions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"parent_position_id" integer,
	"name" varchar(200) NOT NULL,
	"type" "jabatan_type" NOT NULL,
	"jenjang" "jenjang",
	"is_head" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"prefix" varchar(16) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "role_grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"role" "role_name" NOT NULL,
	"instansi_id" integer,
	"unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" varchar(64),
	"user_agent" varchar(300)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer,
	"employee_id" integer,
	"login" varchar(40) NOT NULL,
	"display_name" varchar(200) NOT NULL,
	"password_hash" varchar(200),
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"locale" varchar(5) DEFAULT 'id' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"instansi_id" integer,
	"actor_user_id" integer,
	"actor_label" varchar(200),
	"action" varchar(60) NOT NULL,
	"entity_type" varchar(60) NOT NULL,
	"entity_id" varchar(60),
	"old_values" jsonb,
	"new_values" jsonb,
	"request_id" varchar(64),
	"ip" varchar(64),
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_opd_id_org_units_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_parent_position_id_positions_id_fk" FOREIGN KEY ("parent_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_instansi_id_index" ON "assignments" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "assignments_employee_idx" ON "assignments" USING btree ("employee_id","valid_from");--> statement-breakpoint
CREATE INDEX "assignments_position_idx" ON "assignments" USING btree ("position_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_nip_uq" ON "employees" USING btree ("nip");--> statement-breakpoint
CREATE INDEX "employees_instansi_id_index" ON "employees" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "employees_name_idx" ON "employees" USING btree ("instansi_id","name");--> statement-breakpoint
CREATE INDEX "org_units_instansi_id_index" ON "org_units" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "org_units_parent_id_index" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_opd_id_index" ON "org_units" USING btree ("opd_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_instansi_parent_name_uq" ON "org_units" USING btree ("instansi_id","parent_id","name");--> statement-breakpoint
CREATE INDEX "positions_instansi_id_index" ON "positions" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "positions_unit_id_index" ON "positions" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "positions_parent_position_id_index" ON "positions" USING btree ("parent_position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_index" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_created_by_user_id_index" ON "api_tokens" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "role_grants_user_id_index" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_grants_instansi_id_index" ON "role_grants" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "role_grants_unit_id_index" ON "role_grants" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_index" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_uq" ON "users" USING btree ("login");--> statement-breakpoint
CREATE UNIQUE INDEX "users_employee_uq" ON "users" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "users_instansi_id_index" ON "users" USING btree ("instansi_id");--> statement-breakpoint
CREATE INDEX "audit_log_instansi_at_idx" ON "audit_log" USING btree ("instansi_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_index" ON "audit_log" USING btree ("actor_user_id");