// What the command line prints, in Polish and English (`--lang`, `OSL_LANG`; Polish by default).
// Errors come from the server's message catalogue (lib/messages.ts); these are the CLI's own words.
import type { IndicatorStatus } from '@osl/pipelines';
import type { AuditChainBreak } from '@osl/prisma';
import type { Lang } from '../lib/messages.ts';

interface CliWords {
  status: Record<IndicatorStatus, string>;
  importStatus: { imported: string; rejected: string; unchanged: string };
  importCounts: (rows: number, created: number, updated: number) => string;
  error: string;
  warning: string;
  row: (row: number) => string;
  noResults: string;
  indicatorHeader: [string, string, string, string, string, string, string];
  run: { head: (id: number, mode: string) => string; succeeded: string; failed: (error: string) => string; rows: string };
  rows: string;
  alertStatus: { active: string; ended: string };
  noAlerts: string;
  inboxEmpty: string;
  noAccounts: string;
  accountState: { disabled: string; active: string; lastSignIn: (at: string) => string };
  accountCreated: (email: string, role: string) => string;
  accountDisabled: (email: string) => string;
  accountEnabled: (email: string) => string;
  passwordReset: (email: string) => string;
  passwordFromStdin: string;
  passwordFromStdinToChange: string;
  oneTimePassword: (password: string) => string;
  phases: { reading: string; validating: string; writing: string; done: string };
  rowsOf: (done: string, total: string) => string;
  rowsPerSecond: (rate: string) => string;
  timeLeft: (duration: string) => string;
  auditChain: {
    intact: (entries: number, lastAt: string | null) => string;
    broken: (id: number, entries: number) => string;
    reason: Record<AuditChainBreak, string>;
    lastHash: (hash: string) => string;
  };
}

export const cliWords: Record<Lang, CliWords> = {
  pl: {
    status: {
      on_track: 'zgodnie z planem',
      at_risk: 'zagrożony',
      behind: 'opóźniony',
      achieved: 'osiągnięty',
      not_achieved: 'nieosiągnięty',
      no_data: 'brak danych',
      no_target: 'brak celu',
      not_started: 'nie rozpoczęty',
    },
    importStatus: { imported: 'zaimportowano', rejected: 'ODRZUCONO', unchanged: 'bez zmian (ten sam plik już zaimportowano)' },
    importCounts: (rows, created, updated) => ` — ${rows} wierszy: ${created} nowych, ${updated} zmienionych`,
    error: 'błąd',
    warning: 'uwaga',
    row: (row) => `wiersz ${row}`,
    noResults: 'Brak opublikowanych wyników: uruchom `npm run osl -- pipeline run`.',
    indicatorHeader: ['wskaźnik', 'zakres', 'rok', 'wartość', 'cel', 'realizacja', 'status'],
    run: { head: (id, mode) => `Przebieg #${id} (${mode})`, succeeded: 'zakończony', failed: (error) => `BŁĄD: ${error}`, rows: 'wierszy' },
    rows: 'wierszy',
    alertStatus: { active: 'aktywny', ended: 'zakończony' },
    noAlerts: 'Brak alertów o spadku uczestnictwa.',
    inboxEmpty: 'Skrzynka jest pusta.',
    noAccounts: 'Brak kont. Pierwsze: npm run osl -- users add --email … --role admin',
    accountState: { disabled: 'zablokowane', active: 'aktywne', lastSignIn: (at) => `ostatnio ${at}` },
    accountCreated: (email, role) => `Konto ${email} (${role}) utworzone.`,
    accountDisabled: (email) => `Konto ${email} zablokowane; jego sesje zakończone.`,
    accountEnabled: (email) => `Konto ${email} odblokowane.`,
    passwordReset: (email) => `Hasło konta ${email} zresetowane; jego sesje zakończone.`,
    passwordFromStdin: 'Hasło z wejścia standardowego.',
    passwordFromStdinToChange: 'Hasło z wejścia standardowego; do zmiany przy pierwszym logowaniu.',
    oneTimePassword: (password) => `Hasło jednorazowe: ${password}\n(przekaż je osobiście; przy pierwszym logowaniu trzeba je zmienić)`,
    phases: { reading: 'odczyt', validating: 'sprawdzanie', writing: 'zapis', done: 'gotowe' },
    rowsOf: (done, total) => `${done}/${total} wierszy`,
    rowsPerSecond: (rate) => `${rate} wierszy/s`,
    timeLeft: (duration) => `jeszcze ${duration}`,
    auditChain: {
      intact: (entries, lastAt) =>
        entries === 0 ? 'Dziennik zmian jest pusty: nie ma czego sprawdzać.' : `Dziennik zmian jest spójny: ${entries} wpisów, do ${lastAt} (czas warszawski).`,
      broken: (id, entries) => `DZIENNIK ZMIAN NARUSZONY: wpis #${id} (sprawdzono ${entries} wpisów).`,
      reason: {
        'not-sealed': 'Wpis nie ma skrótu (hash): zapisano go poza łańcuchem albo skrót usunięto.',
        'content-changed': 'Treść wpisu nie zgadza się z jego skrótem: wpis (albo jego skrót) zmieniono po zapisaniu.',
        'link-broken': 'Wpis nie wskazuje na poprzedni: wpis przed nim usunięto, dopisano albo przestawiono, albo zmieniono skrót poprzedniego.',
      },
      lastHash: (hash) => `Skrót ostatniego wpisu (zapisz go, by później potwierdzić, że nic nie ucięto): ${hash}`,
    },
  },
  en: {
    status: {
      on_track: 'on track',
      at_risk: 'at risk',
      behind: 'behind',
      achieved: 'achieved',
      not_achieved: 'not achieved',
      no_data: 'no data',
      no_target: 'no target',
      not_started: 'not started',
    },
    importStatus: { imported: 'imported', rejected: 'REJECTED', unchanged: 'unchanged (this file was already imported)' },
    importCounts: (rows, created, updated) => ` — ${rows} rows: ${created} new, ${updated} updated`,
    error: 'error',
    warning: 'warning',
    row: (row) => `row ${row}`,
    noResults: 'No published results: run `npm run osl -- pipeline run`.',
    indicatorHeader: ['indicator', 'scope', 'year', 'value', 'target', 'achievement', 'status'],
    run: { head: (id, mode) => `Run #${id} (${mode})`, succeeded: 'finished', failed: (error) => `FAILED: ${error}`, rows: 'rows' },
    rows: 'rows',
    alertStatus: { active: 'active', ended: 'ended' },
    noAlerts: 'No alerts of declining participation.',
    inboxEmpty: 'The inbox is empty.',
    noAccounts: 'No accounts. The first: npm run osl -- users add --email … --role admin',
    accountState: { disabled: 'disabled', active: 'active', lastSignIn: (at) => `last ${at}` },
    accountCreated: (email, role) => `Account ${email} (${role}) created.`,
    accountDisabled: (email) => `Account ${email} disabled; its sessions ended.`,
    accountEnabled: (email) => `Account ${email} enabled.`,
    passwordReset: (email) => `Password of ${email} reset; its sessions ended.`,
    passwordFromStdin: 'Password from standard input.',
    passwordFromStdinToChange: 'Password from standard input; to be changed at the first sign-in.',
    oneTimePassword: (password) => `One-time password: ${password}\n(hand it over in person; it must be changed at the first sign-in)`,
    phases: { reading: 'reading', validating: 'checking', writing: 'writing', done: 'done' },
    rowsOf: (done, total) => `${done}/${total} rows`,
    rowsPerSecond: (rate) => `${rate} rows/s`,
    timeLeft: (duration) => `${duration} left`,
    auditChain: {
      intact: (entries, lastAt) =>
        entries === 0 ? 'The audit trail is empty: nothing to check.' : `The audit trail is intact: ${entries} entries, up to ${lastAt} (Warsaw time).`,
      broken: (id, entries) => `AUDIT TRAIL TAMPERED WITH: entry #${id} (${entries} entries checked).`,
      reason: {
        'not-sealed': 'The entry has no hash: it was written outside the chain or its hash was removed.',
        'content-changed': 'The entry’s content does not match its hash: the entry (or its hash) was changed after it was written.',
        'link-broken': 'The entry does not point to the one before it: an entry before it was deleted, inserted or moved, or its previous hash was changed.',
      },
      lastHash: (hash) => `The last entry’s hash (write it down to show later that nothing was cut off): ${hash}`,
    },
  },
};
