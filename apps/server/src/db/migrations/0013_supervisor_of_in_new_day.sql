-- The atasan of a date for ONE employee, and the new-day function (0012) looking it up itself.
--
-- pantau_supervisor_of: the same rule as org.repository.ts supervisorsOn (the nearest ancestor post
-- with a holder other than the employee; among its holders a Plh before a Plt before the
-- definitive holder, then the latest start, then the lowest id), shaped for one person: each
-- ancestor's holders are read through the position index (LIMIT 1 per level) instead of a hash
-- join over every assignment in force, which cost ~2 ms per call at 6,700 staff. An SQL function,
-- so PostgreSQL inlines it into the query that calls it.
CREATE OR REPLACE FUNCTION pantau_supervisor_of(p_employee int, p_date date)
RETURNS TABLE (supervisor_id int, kind assignment_kind) AS $$
  WITH RECURSIVE cur AS (
    SELECT a.position_id FROM assignments a
    WHERE a.employee_id = p_employee AND a.kind = 'DEFINITIF'
      AND a.valid_from <= p_date AND (a.valid_to IS NULL OR a.valid_to >= p_date)
    ORDER BY a.valid_from DESC LIMIT 1
  ), up(position_id, depth) AS (
    SELECT p.parent_position_id, 1 FROM cur JOIN positions p ON p.id = cur.position_id
    WHERE p.parent_position_id IS NOT NULL
    UNION ALL
    SELECT p.parent_position_id, up.depth + 1 FROM up JOIN positions p ON p.id = up.position_id
    WHERE p.parent_position_id IS NOT NULL AND up.depth < 30
  )
  SELECT h.employee_id, h.kind
  FROM up CROSS JOIN LATERAL (
    SELECT h.employee_id, h.kind FROM assignments h
    WHERE h.position_id = up.position_id AND h.employee_id <> p_employee
      AND h.valid_from <= p_date AND (h.valid_to IS NULL OR h.valid_to >= p_date)
    ORDER BY CASE h.kind WHEN 'PLH' THEN 0 WHEN 'PLT' THEN 1 WHEN 'DEFINITIF' THEN 2 ELSE 9 END, h.valid_from DESC, h.employee_id
    LIMIT 1
  ) h
  ORDER BY up.depth
  LIMIT 1
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- daily_report_create_new as in 0012, except that the atasan (verifier) of a submitted day is
-- looked up here instead of by the application first: one round trip less per submission
-- (docs/decisions/0010-one-call-new-day.md); `p.verifierEmployeeId` is no longer read. Also: the
-- key is stored with its answer (a reference to the day, whose id is drawn first) instead of being
-- updated after the insert, and the answer is built before the audit head is locked.
CREATE OR REPLACE FUNCTION daily_report_create_new(p jsonb) RETURNS jsonb AS $$
DECLARE
  r daily_reports%ROWTYPE;
  acts jsonb;
  names jsonb;
  ev jsonb;
  head_id bigint;
  head_hash varchar(64);
  h varchar(64);
  submitted boolean := (p->>'submit')::boolean;
  v_emp int := (p->>'employeeId')::int;
  v_date date := (p->>'date')::date;
  verifier int;
  canon text;
  result jsonb;
  -- Drawn first, so the key can name the day in the same insert (a day that exists wastes one number).
  rid int := nextval('daily_reports_id_seq');
  stamp timestamptz := (p->>'now')::timestamptz;
BEGIN
  INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, response)
  VALUES ((p->>'userId')::int, p->>'key', p->>'fingerprint', 201, jsonb_build_object('dailyReportRef', rid))
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'replay');
  END IF;

  -- The atasan of the date, by the rule of org.repository.ts (supervisorsOn), for a submitted day.
  IF submitted THEN
    SELECT s.supervisor_id INTO verifier FROM pantau_supervisor_of(v_emp, v_date) s;
  END IF;

  -- The unit and OPD: the definitive post in force on the date (as daily-reports.repository.ts).
  INSERT INTO daily_reports (id, instansi_id, employee_id, date, status, unit_id, opd_id, verifier_employee_id,
                             total_minutes, activity_count, first_submitted_at, submitted_at)
  OVERRIDING SYSTEM VALUE
  SELECT rid, (p->>'instansiId')::int, v_emp, v_date,
         CASE WHEN submitted THEN 'SUBMITTED' ELSE 'DRAFT' END::daily_report_status,
         post.unit_id, post.opd_id, verifier,
         (p->>'totalMinutes')::int, (p->>'activityCount')::smallint,
         CASE WHEN submitted THEN stamp END, CASE WHEN submitted THEN stamp END
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (
    SELECT u.id AS unit_id, coalesce(u.opd_id, u.id) AS opd_id
    FROM assignments a JOIN positions ps ON ps.id = a.position_id JOIN org_units u ON u.id = ps.unit_id
    WHERE a.employee_id = v_emp AND a.kind = 'DEFINITIF' AND a.valid_from <= v_date
      AND (a.valid_to IS NULL OR a.valid_to >= v_date)
    ORDER BY a.valid_from DESC LIMIT 1
  ) post ON true
  ON CONFLICT (employee_id, date) DO NOTHING
  RETURNING * INTO r;
  IF NOT FOUND THEN
    DELETE FROM idempotency_keys WHERE user_id = (p->>'userId')::int AND key = p->>'key';
    RETURN jsonb_build_object('outcome', 'exists');
  END IF;

  WITH ins AS (
    INSERT INTO daily_activities (report_id, employee_id, date, seq, start_time, end_time, minutes, description,
                                  rhk_id, indicator_id, output_quantity, output_unit)
    SELECT r.id, r.employee_id, r.date, a.seq, a.start_time, a.end_time, a.minutes, a.description,
           a.rhk_id, a.indicator_id, a.output_quantity, a.output_unit
    FROM jsonb_to_recordset(p->'activities') AS a(seq smallint, start_time time, end_time time, minutes smallint,
         description varchar, rhk_id int, indicator_id int, output_quantity numeric, output_unit varchar)
    RETURNING *
  )
  SELECT coalesce(jsonb_agg(to_jsonb(ins) ORDER BY ins.seq), '[]'::jsonb) INTO acts FROM ins;

  INSERT INTO daily_activity_evidence (activity_id, evidence_id)
  SELECT DISTINCT (x->>'id')::int, e.value::int
  FROM jsonb_array_elements(acts) x
  JOIN jsonb_to_recordset(p->'activities') AS a(seq smallint, evidence_ids jsonb) ON a.seq = (x->>'seq')::smallint
  CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(a.evidence_ids, '[]'::jsonb)) e;

  IF submitted THEN
    INSERT INTO events (instansi_id, type, subject_employee_ids, payload)
    VALUES (r.instansi_id, 'daily_report.submitted', ARRAY[r.employee_id],
            (p->'eventPayload') || jsonb_build_object('reportId', r.id));
  END IF;

  SELECT coalesce(jsonb_object_agg(e.id::text, concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang)), '{}'::jsonb)
  INTO names FROM employees e WHERE e.id = r.employee_id OR e.id = r.verifier_employee_id;
  result := jsonb_build_object('outcome', 'created', 'report', to_jsonb(r), 'activities', acts, 'names', names);

  -- Last, so the chain head stays locked only for these statements and the commit.
  -- hash(n) = sha256(hash(n-1) ‖ '[' ‖ id ‖ afterId ‖ entityId ‖ afterEntityId), as canonical.ts;
  -- an event that names the atasan has one more hole: … ‖ afterEntityId ‖ verifier ‖ afterVerifier.
  SELECT last_id, last_hash INTO head_id, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  FOR ev IN SELECT value FROM jsonb_array_elements(p->'audit') LOOP
    head_id := head_id + 1;
    canon := '[' || head_id::text || (ev->>'afterId') || r.id::text || (ev->>'afterEntityId');
    IF ev ? 'afterVerifier' THEN
      canon := canon || coalesce(verifier::text, 'null') || (ev->>'afterVerifier');
      ev := jsonb_set(ev, '{newValues,verifierEmployeeId}', coalesce(to_jsonb(verifier), 'null'::jsonb));
    END IF;
    h := encode(sha256(convert_to(head_hash || canon, 'UTF8')), 'hex');
    INSERT INTO audit_log (id, at, instansi_id, actor_user_id, actor_label, action, entity_type, entity_id,
                           old_values, new_values, request_id, ip, prev_hash, hash)
    VALUES (head_id, (ev->>'at')::timestamptz, (ev->>'instansiId')::int, (ev->>'actorUserId')::int, ev->>'actorLabel',
            ev->>'action', ev->>'entityType', r.id::text, nullif(ev->'oldValues', 'null'::jsonb),
            nullif(ev->'newValues', 'null'::jsonb), ev->>'requestId', ev->>'ip', head_hash, h);
    head_hash := h;
  END LOOP;
  UPDATE audit_chain_head SET last_id = head_id, last_hash = head_hash WHERE id = 1;

  RETURN result;
END;
$$ LANGUAGE plpgsql;
