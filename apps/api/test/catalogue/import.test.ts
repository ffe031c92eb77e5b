import { buildTestApp } from '../helpers/app';
import { signInAs } from '../helpers/auth';
import { fixtureCatalogue, nth } from '../helpers/catalogue';

/** A catalogue file of the fixture's units and qualification under fresh URNs and QAN. */
function catalogue() {
  const { units, qualifications } = fixtureCatalogue();
  return { units, qualifications };
}

let t: Awaited<ReturnType<typeof buildTestApp>>;
let awarding: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  t = await buildTestApp();
  awarding = await signInAs(t.app, 'awarding_organisation');
});
afterAll(() => t.close());

/** Posts a catalogue file: only its units, qualifications and (for administrators) the organisation. */
const post = (
  file: { units?: unknown; qualifications?: unknown; awardingOrganisation?: string },
  headers = awarding.headers,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/catalogue/imports',
    headers,
    payload: {
      units: file.units,
      qualifications: file.qualifications,
      awardingOrganisation: file.awardingOrganisation,
    },
  });
const get = (url: string, headers = awarding.headers) => t.app.inject({ method: 'GET', url, headers });

describe('importing a catalogue', () => {
  it('creates units and a qualification that everyone signed in can then find and read', async () => {
    const file = catalogue();
    const res = await post(file);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      alreadyImported: false,
      units: { created: 26, updated: 0, unchanged: 0 },
      qualifications: { created: 1, newVersion: 0, unchanged: 0 },
    });
    const qan = file.qualifications[0]?.qan ?? '';
    const learner = await signInAs(t.app, 'learner');
    const found = await get(`/api/v1/catalogue/qualifications?q=${encodeURIComponent(qan)}`, learner.headers);
    expect(found.json()).toMatchObject({
      total: 1,
      items: [{ qan, minCredits: file.qualifications[0]?.minCredits, currentVersion: 1 }],
    });
    const id = found.json().items[0].id;
    const detail = (await get(`/api/v1/catalogue/qualifications/${id}`, learner.headers)).json();
    expect(detail.rules).toEqual(file.qualifications[0]);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const mentioned = new Set([
      ...nth(file.qualifications, 0).groups.flatMap((g) => g.units),
      ...Object.values(nth(file.qualifications, 0).equivalents).flat(),
    ]);
    expect(detail.units.map((u: { urn: string }) => u.urn).sort()).toEqual(
      file.units
        .map((u) => u.urn)
        .filter((urn) => mentioned.has(urn))
        .sort(),
    );
    // The unit→qualification index: a unit's page lists the qualification.
    const unit = nth(nth(nth(file.qualifications, 0).groups, 0).units, 0);
    const units = (
      await get(`/api/v1/catalogue/units?q=${encodeURIComponent(unit)}`, learner.headers)
    ).json();
    expect(units.items.map((u: { urn: string }) => u.urn)).toEqual([unit]);
    const unitPage = (await get(`/api/v1/catalogue/units/${units.items[0].id}`, learner.headers)).json();
    expect(unitPage.qualifications).toEqual([
      { id, qan, title: nth(file.qualifications, 0).title, viaEquivalent: false },
    ]);
  });

  it('changes nothing for the same content again, and versions a changed qualification', async () => {
    const file = catalogue();
    expect((await post(file)).statusCode).toBe(201);
    const again = await post(structuredClone(file));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyImported: true, units: { created: 26 } });

    const changed = structuredClone(file);
    const original = nth(file.qualifications, 0).minCredits;
    nth(changed.qualifications, 0).minCredits = original + 3;
    nth(changed.units, 0).title = 'A renamed unit';
    const res = await post(changed);
    expect(res.json()).toMatchObject({
      units: { created: 0, updated: 1, unchanged: 25 },
      qualifications: { created: 0, newVersion: 1, unchanged: 0 },
    });
    const qualification = await t.database.prisma.qualification.findUniqueOrThrow({
      where: { qan: nth(file.qualifications, 0).qan },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
    expect(qualification.currentVersion).toBe(2);
    expect(qualification.versions.map((v) => (v.rules as { minCredits: number }).minCredits)).toEqual([
      original,
      original + 3,
    ]);
    // Key order does not make a new version.
    const reordered = structuredClone(changed);
    reordered.qualifications[0] = Object.fromEntries(
      Object.entries(nth(reordered.qualifications, 0)).reverse(),
    ) as (typeof reordered.qualifications)[0];
    reordered.units = reordered.units.map((u) => ({
      credits: u.credits,
      level: u.level,
      title: u.title,
      urn: u.urn,
    }));
    const same = await post(reordered);
    expect(same.statusCode).toBe(200);
    expect(same.json().alreadyImported).toBe(true);
  });

  it('lists every problem with its path and imports nothing', async () => {
    const file = catalogue();
    const before = await t.database.prisma.unit.count();
    const bad = structuredClone(file) as unknown as {
      units: Record<string, unknown>[];
      qualifications: Record<string, unknown>[];
    };
    nth(bad.units, 1).urn = 'not-a-urn';
    nth(bad.units, 2).level = '9';
    nth(bad.units, 3).title = '';
    const q = bad.qualifications[0] as {
      groups: { minCredits?: number; units: string[] }[];
      minCredits: number;
    };
    nth(q.groups, 1).units = [];
    bad.qualifications.push({ ...bad.qualifications[0] });
    const res = await post(bad);
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('CATALOGUE_INVALID');
    expect(body.message).toMatch(/problems; nothing was imported$/);
    const errors: string[] = body.details.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^units\[1\]\.urn: /),
        expect.stringMatching(/^units\[2\]\.level: /),
        expect.stringMatching(/^units\[3\]\.title: /),
        expect.stringMatching(/^qualifications\[0\]\.groups\[1\]/),
        expect.stringMatching(/^qualifications\[1\]\.qan: .* repeats qualifications\[0\]/),
      ]),
    );
    expect(await t.database.prisma.unit.count()).toBe(before);
  });

  it("refuses to change another awarding organisation's units and qualifications", async () => {
    const file = catalogue();
    expect((await post(file)).statusCode).toBe(201);
    const rival = await signInAs(t.app, 'awarding_organisation');
    const res = await post(file, rival.headers);
    expect(res.statusCode).toBe(400);
    const errors: string[] = res.json().error.details.errors;
    expect(errors.filter((e) => /^units\[\d+\]\.urn: .* belongs to /.test(e))).toHaveLength(26);
    expect(errors).toContainEqual(expect.stringMatching(/^qualifications\[0\]\.qan: .* belongs to /));
  });

  it('an administrator names the awarding organisation; an awarding organisation imports only for itself', async () => {
    const admin = await signInAs(t.app, 'administrator');
    const file = catalogue();
    const without = await post(file, admin.headers);
    expect(without.json().error.details.errors).toEqual([
      'awardingOrganisation: required: the code of the awarding organisation that owns the entries',
    ]);
    const org = await t.database.prisma.organisation.findUniqueOrThrow({
      where: { id: awarding.organisationId },
    });
    const res = await post({ ...file, awardingOrganisation: org.code }, admin.headers);
    expect(res.statusCode).toBe(201);
    expect(res.json().awardingOrganisation).toEqual({ name: org.name, code: org.code });
    const wrongCode = await post({ ...catalogue(), awardingOrganisation: '99999999' });
    expect(wrongCode.json().error.details.errors[0]).toMatch(
      /^awardingOrganisation: you import for your own/,
    );
    const centre = await signInAs(t.app, 'centre');
    expect((await post(catalogue(), centre.headers)).statusCode).toBe(403);
  });
});

describe('browsing the catalogue', () => {
  it('finds by title words in any order and case, by level, and pages', async () => {
    const file = catalogue();
    await post(file);
    const word = 'customer service';
    const res = (
      await get(`/api/v1/catalogue/units?q=${encodeURIComponent('SERVICE customer')}&pageSize=200`)
    ).json();
    expect(res.items.length).toBeGreaterThan(0);
    for (const unit of res.items) expect(unit.title.toLowerCase()).toContain(word.split(' ')[1]);
    const level1 = (await get('/api/v1/catalogue/units?level=1&pageSize=200')).json();
    expect(level1.items.every((u: { level: string }) => u.level === '1')).toBe(true);
    const page1 = (await get('/api/v1/catalogue/units?pageSize=5&page=1')).json();
    const page2 = (await get('/api/v1/catalogue/units?pageSize=5&page=2')).json();
    expect(page1.items).toHaveLength(5);
    expect(page2.items[0].id).not.toBe(page1.items[4].id);
    expect(
      (await get('/api/v1/catalogue/qualifications/00000000-0000-0000-0000-000000000000')).statusCode,
    ).toBe(404);
  });
});
