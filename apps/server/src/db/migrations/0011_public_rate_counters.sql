CREATE TABLE "public_rate_counters" (
	"key" varchar(64) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "public_rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "public_rate_counters_window_idx" ON "public_rate_counters" USING btree ("window_start");