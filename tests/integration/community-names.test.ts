// Whose names an organizer sees (issue 11): a person's name, gender and birth year go to the
// director and to the organizer of the person's home community only, on whatever community's list
// the person appears; an organizer's import cannot tell a code registered elsewhere from a code
// that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineService } from '@osl/backend';
import { seededNames, startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
/** OST-1 and OST-2 carry these in the OST register. */
const ostNames = seededNames.slice(0, 4);

function upload(name: string, content: string, lang = 'en'): FormData {
  const data = new FormData();
  data.append('files', new Blob([content]), name);
  data.append('lang', lang);
  return data;
}

interface Issue {
  row: number;
  value: string;
  code: string;
  message: string;
}

async function rejectedErrors(response: Response): Promise<Issue[]> {
  expect(response.status).toBe(422);
  const body = (await response.json()) as { files: { status: string; errors: Issue[] }[] };
  expect(body.files[0].status).toBe('rejected');
  return body.files[0].errors;
}

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 180_000);

afterAll(async () => {
  await installation?.close();
});

describe('an organizer’s attendance list with people of another community', () => {
  it('is refused with one message whether the code is registered elsewhere or nowhere, and nothing is written', async () => {
    const laz = installation.sessions.organizerLaz;
    const response = await laz.fetch('/api/imports', {
      method: 'POST',
      body: upload('lista-l1.csv', 'id_dzialania;kod\r\nL1;WZG-1\r\nL1;WZG-9\r\nL1;OST-1\r\nL1;OST-99\r\n'),
    });
    const errors = await rejectedErrors(response);
    expect(errors.map((e) => [e.row, e.value, e.code])).toEqual([
      [2, 'WZG-1', 'participant_not_in_your_register'],
      [3, 'WZG-9', 'participant_not_in_your_register'],
      [4, 'OST-1', 'participant_not_in_your_register'],
      [5, 'OST-99', 'participant_not_in_your_register'],
    ]);
    // The same words for an existing and a missing code: only the code itself differs.
    const shapes = new Set(errors.map((e) => e.message.replaceAll(e.value, '<code>')));
    expect([...shapes]).toEqual([
      '<code> is not in the register of your communities (LAZ). A file with people registered in other communities is imported by an administrator.',
    ]);
    const lists = await installation.sessions.director.get('/api/activities?community=LAZ');
    expect(lists.body.activities.find((a: { externalId: string }) => a.externalId === 'L1').namedAttendances).toBe(1);
  });

  it('gives no “did you mean” for another community’s code, in Polish as in English', async () => {
    const laz = installation.sessions.organizerLaz;
    const errors = await rejectedErrors(
      await laz.fetch('/api/imports', { method: 'POST', body: upload('lista-male.csv', 'id_dzialania;kod\r\nL1;ost-1\r\nL1;ost-98\r\nL1;laz-2\r\n', 'pl') }),
    );
    expect(errors.map((e) => [e.value, e.code])).toEqual([
      ['ost-1', 'participant_not_in_your_register'],
      ['ost-98', 'participant_not_in_your_register'],
      // One's own register still suggests the code in capitals.
      ['laz-2', 'participant_not_found_suggestion'],
    ]);
    expect(errors[0].message).toBe(
      'Kodu „ost-1” nie ma w rejestrze Twoich społeczności (LAZ). Plik z osobami zarejestrowanymi w innych społecznościach importuje administrator.',
    );
    expect(errors[1].message.replace('ost-98', 'ost-1')).toBe(errors[0].message);
  });

  it('finds no one of another community by name, and says so as for a name that is nowhere', async () => {
    const laz = installation.sessions.organizerLaz;
    const errors = await rejectedErrors(
      await laz.fetch('/api/imports', {
        method: 'POST',
        body: upload('lista-nazwiska.csv', `id_dzialania;imie;nazwisko\r\nL1;${ostNames[0]};${ostNames[1]}\r\nL1;Nikt;Nieznany\r\n`),
      }),
    );
    expect(errors.map((e) => e.code)).toEqual(['name_not_found', 'name_not_found']);
    expect(errors[0].message.replace(`${ostNames[0]} ${ostNames[1]}`, 'X')).toBe(errors[1].message.replace('Nikt Nieznany', 'X'));
    expect(JSON.stringify(errors)).not.toMatch(/OST-\d/);
  });
});

describe('an organizer’s register with a code of another community', () => {
  it('is refused with the same message as an attendance row, without naming where the code is stored', async () => {
    const laz = installation.sessions.organizerLaz;
    const register = await rejectedErrors(
      await laz.fetch('/api/imports', { method: 'POST', body: upload('rejestr.csv', 'kod;spolecznosc\r\nOST-1;LAZ\r\nLAZ-77;LAZ\r\n') }),
    );
    expect(register.map((e) => [e.row, e.value, e.code])).toEqual([[2, 'OST-1', 'participant_not_in_your_register']]);
    const list = await rejectedErrors(await laz.fetch('/api/imports', { method: 'POST', body: upload('lista-ost1.csv', 'id_dzialania;kod\r\nL1;OST-1\r\n') }));
    expect(register[0].message).toBe(list[0].message);
    expect(register[0].message).not.toMatch(/\bOST\b(?!-)/);
    // A row naming another community outright is refused as before, naming the community written.
    const written = await rejectedErrors(
      await laz.fetch('/api/imports', { method: 'POST', body: upload('rejestr-wzg.csv', 'kod;spolecznosc\r\nWZG-50;WZG\r\nWZG-1;WZG\r\n') }),
    );
    expect(written.map((e) => e.code)).toEqual(['community_not_assigned', 'community_not_assigned']);
    expect(written[0].message.replace('WZG-50', 'WZG-1')).toBe(written[1].message);
  });
});

describe('an organizer’s register probing for codes of another community', () => {
  it('gets the same refusal for a code in another community’s form whether it is registered or not', async () => {
    const laz = installation.sessions.organizerLaz;
    // OST-1 is registered in OST, OST-777 nowhere: a new person under either would tell them apart.
    const refusals = [];
    for (const code of ['OST-1', 'OST-777', 'ost_778']) {
      const response = await laz.fetch('/api/imports', { method: 'POST', body: upload(`rejestr-${code}.csv`, `kod;spolecznosc\r\n${code};LAZ\r\n`) });
      expect(response.status, code).toBe(422);
      const [error, ...more] = (await response.json()).files[0].errors;
      expect(more, code).toEqual([]);
      refusals.push({ code: error.code, message: error.message.replace(code, '<code>') });
    }
    expect(new Set(refusals.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(refusals[0]!.code).toBe('participant_not_in_your_register');
  });
});

describe('a list with people of another community, imported by the administrator', () => {
  beforeAll(async () => {
    const response = await installation.sessions.admin.fetch('/api/imports', {
      method: 'POST',
      body: upload('lista-l1-goscie.csv', 'id_dzialania;kod\r\nL1;OST-1\r\nL1;OST-2\r\nL1;WZG-1\r\n'),
    });
    expect(response.status).toBe(200);
    // The upload started the run that shows it.
    expect((await installation.server.app.get(PipelineService).importRunsSettled())?.status).toBe('succeeded');
  });

  it('counts: the activity has its four attendances and the indicator its four persons', async () => {
    const activities = await installation.sessions.organizerLaz.get('/api/activities?community=LAZ');
    expect(activities.body.activities.find((a: { externalId: string }) => a.externalId === 'L1').namedAttendances).toBe(4);
    const sources = await installation.sessions.director.get('/api/indicators/P1/sources?year=2022&community=LAZ');
    expect(sources.body.activities.map((a: { externalId: string; namedAttendances: number }) => [a.externalId, a.namedAttendances])).toEqual([['L1', 4]]);
  });

  it('shows them to the LAZ organizer by code only, marked as from another community', async () => {
    const { status, body } = await installation.sessions.organizerLaz.get('/api/communities/LAZ/participants');
    expect(status).toBe(200);
    const byCode = new Map(body.participants.map((p: { code: string }) => [p.code, p]));
    expect([...byCode.keys()]).toEqual(['LAZ-1', 'LAZ-2', 'OST-1', 'OST-2', 'WZG-1']);
    for (const code of ['OST-1', 'OST-2', 'WZG-1']) {
      const guest = byCode.get(code) as Record<string, unknown>;
      expect(guest, code).toMatchObject({
        code,
        fromOtherCommunity: true,
        homeCommunity: null,
        gender: null,
        birthYear: null,
        joinedOn: null,
        leader: null,
        attendances: 1,
        lastAttended: '2022-02-15',
      });
      expect('firstName' in guest || 'lastName' in guest, code).toBe(false);
    }
    // Their own people keep names, gender and birth year.
    expect(byCode.get('LAZ-1')).toMatchObject({
      fromOtherCommunity: false,
      homeCommunity: 'LAZ',
      firstName: seededNames[4],
      lastName: seededNames[5],
      gender: 'K',
      birthYear: 1949,
    });
    for (const name of ostNames) expect(JSON.stringify(body)).not.toContain(name);
  });

  it('shows their names to the director and to the organizer of their home community, on the LAZ list too', async () => {
    for (const viewer of ['director', 'organizer'] as const) {
      const { body } = await installation.sessions[viewer].get('/api/communities/LAZ/participants');
      const guest = body.participants.find((p: { code: string }) => p.code === 'OST-1');
      expect(guest, viewer).toMatchObject({
        fromOtherCommunity: true,
        homeCommunity: 'OST',
        firstName: ostNames[0],
        lastName: ostNames[1],
        gender: 'K',
        birthYear: 1961,
      });
    }
  });

  it('shows no name of another community to the LAZ organizer anywhere they can look', async () => {
    const laz = installation.sessions.organizerLaz;
    for (const pathname of [
      '/api/activities',
      '/api/activities?community=LAZ',
      '/api/imports',
      '/api/communities/LAZ/participants',
      '/api/communities/LAZ/participation',
      '/api/indicators/P1/sources?year=2022&community=LAZ',
      '/api/alerts?status=all',
    ]) {
      const answer = await laz.get(pathname);
      expect(answer.status, pathname).toBe(200);
      for (const name of ostNames) expect(JSON.stringify(answer.body), pathname).not.toContain(name);
    }
  });
});
