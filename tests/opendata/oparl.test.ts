import { describe, expect, it } from 'vitest';
import { oparlExport } from '../../src/opendata/oparl/index.ts';
import { paginate } from '../../src/opendata/oparl/list.ts';
import { digestOf } from '../../src/opendata/digest.ts';
import { contentsOf } from '../../src/opendata/kept.ts';
import { absolute, makeCouncil, SECRET } from './factory.ts';

const council = makeCouncil();
const pdf = digestOf('%PDF-1.7 budget', { sha512: true });
const pairs = [...contentsOf(oparlExport(council, absolute, new Map([['/meetings/2026-10-27-cabinet/budget.pdf', pdf]])))];
const exported = new Map(pairs);
const get = (id: string) => {
  const text = exported.get(id.replace(absolute(''), ''));
  if (text === undefined) throw new Error(`${id} is not in the export`);
  return JSON.parse(text);
};
const type = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;

describe('OParl export', () => {
  it('starts at a System whose body list leads to the council Body and its lists', () => {
    const system = get(absolute('/oparl/system.json'));
    expect(system).toMatchObject({ type: type('System'), oparlVersion: 'https://schema.oparl.org/1.1/' });
    const body = get(get(system.body).data[0].id);
    expect(body.type).toBe(type('Body'));
    const meetings = get(body.meeting);
    expect(meetings.pagination).toEqual({ totalElements: 4, elementsPerPage: 100, currentPage: 1, totalPages: 1 });
    expect(get(body.organization).data.map((o: { name: string }) => o.name)).toEqual(['Cabinet', 'Full Council']);
  });

  it('serves every OParl URL it links to', () => {
    const links = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && v.startsWith(absolute('/oparl/'))) links.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const text of exported.values()) walk(JSON.parse(text));
    expect(links.size).toBeGreaterThan(20);
    for (const link of links) expect(() => get(link), link).not.toThrow();
  });

  it('writes each URL once', () => {
    expect(exported.size).toBe(pairs.length);
  });

  it('gives every object an id that is the URL it is served at', () => {
    for (const [url, text] of exported) {
      const object = JSON.parse(text);
      if (!('data' in object)) expect(object.id).toBe(absolute(url));
    }
  });

  it('models a referral as a consultation of the originating item’s paper at the reference’s agenda item', () => {
    const reference = get(absolute('/oparl/agenda-item/2026-12-10-full-council/ref-gwyl.json'));
    const consultation = get(reference.consultation);
    expect(consultation.paper).toBe(absolute('/oparl/paper/2026-06-16-cabinet/gwyl.json'));
    expect(consultation).toMatchObject({ agendaItem: reference.id, role: 'referral', organization: [absolute('/oparl/organization/full-council.json')] });
    const paper = get(consultation.paper);
    expect(paper.consultation.map((c: { agendaItem: string }) => c.agendaItem)).toEqual([
      absolute('/oparl/agenda-item/2026-06-16-cabinet/gwyl.json'),
      reference.id,
    ]);
    expect(paper.relatedPaper).toEqual([absolute('/oparl/paper/2026-12-10-full-council/ref-gwyl.json')]);
  });

  it('describes each PDF as a File with size, MIME type and checksums of the published bytes', () => {
    const file = get(absolute('/oparl/file/meetings/2026-10-27-cabinet/budget.pdf.json'));
    expect(file).toMatchObject({
      type: type('File'),
      fileName: 'budget.pdf',
      mimeType: 'application/pdf',
      size: pdf.size,
      sha256Checksum: pdf.sha256,
      sha512Checksum: pdf.sha512,
      accessUrl: absolute('/meetings/2026-10-27-cabinet/budget.pdf'),
      agendaItem: [absolute('/oparl/agenda-item/2026-10-27-cabinet/budget.json')],
    });
    expect(get(absolute('/oparl/file/files/meetings/2026-10-27-cabinet/appendix%20a.pdf.json')).accessUrl).toBe(
      absolute('/files/meetings/2026-10-27-cabinet/appendix%20a.pdf'),
    );
  });

  it('gives meeting starts with the right offset either side of the clock change, and marks cancellations', () => {
    expect(get(absolute('/oparl/meeting/2026-06-16-cabinet.json')).start).toBe('2026-06-16T14:00:00+01:00');
    expect(get(absolute('/oparl/meeting/2026-10-27-cabinet.json')).start).toBe('2026-10-27T14:00:00+00:00');
    expect(get(absolute('/oparl/meeting/2026-11-05-full-council.json')).cancelled).toBe(true);
  });

  it('publishes an exempt item as a non-public agenda item with no paper and none of its text', () => {
    const exempt = get(absolute('/oparl/agenda-item/2026-10-27-cabinet/land.json'));
    expect(exempt).toMatchObject({ public: false, number: '3', name: 'Disposal of land at Aberllys' });
    expect(exempt).not.toHaveProperty('result');
    expect(exported.has('/oparl/paper/2026-10-27-cabinet/land.json')).toBe(false);
    for (const text of exported.values()) expect(text).not.toContain(SECRET);
  });

  it('paginates a list with first, prev, next and last links', () => {
    const pages = paginate(absolute, 'thing', [1, 2, 3, 4, 5].map((n) => ({ n })), 2);
    expect([...pages.keys()]).toEqual(['/oparl/lists/thing/1.json', '/oparl/lists/thing/2.json', '/oparl/lists/thing/3.json']);
    expect(pages.get('/oparl/lists/thing/2.json')).toMatchObject({
      data: [{ n: 3 }, { n: 4 }],
      pagination: { totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 },
      links: { first: absolute('/oparl/lists/thing/1.json'), prev: absolute('/oparl/lists/thing/1.json'), next: absolute('/oparl/lists/thing/3.json'), last: absolute('/oparl/lists/thing/3.json') },
    });
  });
});
