// A small installation with one account per role, names in the register and communities small
// enough for suppression to matter: shared by the access, attack and personal-data tests.
import path from 'node:path';
import { startServer, type OslEnvironment, type RunningServer } from '@osl/backend';
import { createUser, signIn, type ApiSession } from './api-session.ts';
import { importAndPublish, temporaryEnvironment, writeCsv } from './installation.ts';

/** Names that appear nowhere else: a scan for them finds only what leaked. */
export const seededNames = ['Bożydara', 'Szczęsnowska', 'Hieronim', 'Kwiatkiewicz', 'Teofila', 'Gwiazdowska', 'Walenty', 'Przybyłkowski'];

export const accounts = {
  director: 'dyrektor@test.osl',
  organizer: 'organizator@test.osl',
  organizerLaz: 'organizator.laz@test.osl',
  auditor: 'audytor@test.osl',
  admin: 'admin@test.osl',
} as const;
export type AccountName = keyof typeof accounts;

export interface SecuredInstallation {
  environment: OslEnvironment;
  server: RunningServer;
  sessions: Record<AccountName, ApiSession>;
  close(): Promise<void>;
}

export async function startSecuredInstallation(): Promise<SecuredInstallation> {
  const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  const server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const dir = path.join(environment.dataDir, 'fixtures');
  const files = [
    writeCsv(dir, 'rejestr.csv', [
      ['kod', 'spolecznosc', 'imie', 'nazwisko', 'plec', 'rok_urodzenia'],
      ['OST-1', 'OST', seededNames[0], seededNames[1], 'K', 1961],
      ['OST-2', 'OST', seededNames[2], seededNames[3], 'M', 1958],
      ['OST-3', 'OST', '', '', 'K', 1970],
      ['OST-4', 'OST', '', '', 'M', 1980],
      ['OST-5', 'OST', '', '', 'K', 1990],
      ['LAZ-1', 'LAZ', seededNames[4], seededNames[5], 'K', 1949],
      ['LAZ-2', 'LAZ', seededNames[6], seededNames[7], 'M', 1950],
      ['WZG-1', 'WZG', '', '', 'K', 1975],
      ['WZG-2', 'WZG', '', '', 'M', 1976],
      ['WZG-3', 'WZG', '', '', 'K', 1977],
    ]),
    writeCsv(dir, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['K1', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['K2', '20.06.2022', 'OST', 'IMPREZA', 'Festyn'],
      ['L1', '15.02.2022', 'LAZ', 'WARSZTAT', 'Spotkanie'],
      ['W1', '16.02.2022', 'WZG', 'WARSZTAT', 'Spotkanie'],
    ]),
    writeCsv(dir, 'lista-ost.csv', [
      ['id_dzialania', 'kod'],
      ['K1', 'OST-1'],
      ['K1', 'OST-2'],
      ['K1', 'OST-3'],
      ['K1', 'OST-4'],
      ['K2', 'OST-5'],
      ['K2', 'OST-1'],
    ]),
    // By name, as lists are often kept: matched to the register, the names themselves go no further.
    writeCsv(dir, 'lista-laz.csv', [
      ['id_dzialania', 'imie', 'nazwisko'],
      ['L1', seededNames[4], seededNames[5]],
    ]),
    writeCsv(dir, 'lista-wzg.csv', [
      ['id_dzialania', 'kod'],
      ['W1', 'WZG-1'],
      ['W1', 'WZG-2'],
      ['W1', 'WZG-3'],
    ]),
  ];
  await importAndPublish(server.app, files);
  await createUser(server.app, accounts.director, 'director');
  await createUser(server.app, accounts.organizer, 'organizer', ['WZG', 'OST', 'LAZ']);
  await createUser(server.app, accounts.organizerLaz, 'organizer', ['LAZ']);
  await createUser(server.app, accounts.auditor, 'auditor');
  await createUser(server.app, accounts.admin, 'admin');
  const sessions = {} as Record<AccountName, ApiSession>;
  for (const [name, email] of Object.entries(accounts) as [AccountName, string][]) sessions[name] = await signIn(server.url, email);
  return { environment, server, sessions, close: () => server.close() };
}
