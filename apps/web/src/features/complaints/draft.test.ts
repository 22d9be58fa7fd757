import { COMPLAINT_LIMITS, CreateComplaintBody } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { checkFiles, draftToBody, EMPTY_DRAFT, targetOf, type ComplaintDraft } from './draft';

const draft = (patch: Partial<ComplaintDraft>): ComplaintDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('complaint draft → request body', () => {
  it('sends a service by its slug, rahasia and not anonim by default, without empty contact', () => {
    const body = draftToBody(
      draft({ target: 'sp:ktp-disdukcapil', category: 'PELAYANAN_LAMBAT', description: 'Antrean tiga jam tanpa kejelasan.', staffId: '12' }),
      'lhokseumawe',
    );
    expect(body).toEqual({
      servicePointSlug: 'ktp-disdukcapil',
      category: 'PELAYANAN_LAMBAT',
      description: 'Antrean tiga jam tanpa kejelasan.',
      subjectEmployeeId: 12,
      anonymous: false,
      confidential: true,
      contact: undefined,
      website: undefined,
    });
    expect(CreateComplaintBody.safeParse(body).success).toBe(true);
  });

  it('sends a unit with the instansi, never a staff member, and anonim keeps it confidential', () => {
    const body = draftToBody(
      draft({ target: 'unit:7', category: 'LAINNYA', description: 'x'.repeat(25), staffId: '12', privacy: 'anonim', phone: ' 0812 3456 7890 ' }),
      'lhokseumawe',
    );
    expect(body).toMatchObject({ instansiCode: 'lhokseumawe', unitId: 7, anonymous: true, confidential: true, subjectEmployeeId: undefined });
    expect(body.contact).toEqual({ name: undefined, phone: '0812 3456 7890', email: undefined });
  });

  it('fails the shared schema for the problems the form explains', () => {
    const result = CreateComplaintBody.safeParse(draftToBody(draft({ target: 'sp:x', description: 'pendek', email: 'bukan-email' }), 'k'));
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['category', 'description', 'contact.email']));
  });

  it('reads the target', () => {
    expect(targetOf(draft({ target: '' }))).toBeNull();
    expect(targetOf(draft({ target: 'unit:0' }))).toBeNull();
    expect(targetOf(draft({ target: 'sp:a-b' }))).toEqual({ kind: 'service', slug: 'a-b' });
  });
});

describe('attachments', () => {
  const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

  it('accepts JPG, PNG and PDF within the limits', () => {
    expect(checkFiles([file('a.jpg', 'image/jpeg', 10), file('b.png', 'image/png', 10), file('c.pdf', 'application/pdf', 10)])).toBeNull();
  });

  it('names the first file that is too big or of another type, and counts', () => {
    expect(checkFiles([file('a.heic', 'image/heic', 10)])).toEqual({ kind: 'type', name: 'a.heic' });
    expect(checkFiles([file('b.jpg', 'image/jpeg', COMPLAINT_LIMITS.attachmentBytesMax + 1)])).toEqual({ kind: 'size', name: 'b.jpg' });
    expect(checkFiles(Array.from({ length: COMPLAINT_LIMITS.attachmentsMax + 1 }, (_, i) => file(`${i}.png`, 'image/png', 1)))).toEqual({
      kind: 'count',
    });
  });
});
