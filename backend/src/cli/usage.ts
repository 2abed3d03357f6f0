export class UsageError extends Error {}

export function usage(): string {
  return `Usage: npm run osl -- <command> [options]

Commands:
  import <file>... [--kind activities|attendance|participants|survey] [--lang pl|en] [--as NAME] [--no-run]
                        import files (kind detected from the headers); all-or-nothing per file;
                        a file imported is then shown by an incremental pipeline run (after the
                        run in progress, if any), unless --no-run
  inbox scan            import the files waiting in $OSL_DATA_DIR/inbox now (the schedule does it every minute),
                        then the incremental pipeline run a file imported asks for
  pipeline run [--full] rebuild the analytics store and the indicators now
  indicators [--year Y|to-date] [--community CODE|ALL]
                        indicator values, targets, achievement and status
  alerts [--status active|ended|all] [--community CODE]
                        decline alerts (default: active), each with its sentence and history
  users list            accounts with role, communities and state
  users add --email E --role director|organizer|auditor|admin [--name N] [--communities WZG,OST]
            [--password-stdin]
                        create an account; prints a one-time password unless one comes on stdin
  users disable|enable|reset-password --email E [--password-stdin]
                        block an account (its sessions end) or give it a new one-time password
  periods list | add --name N --from YYYY-MM-DD --to YYYY-MM-DD
  periods show|close|report|verify P   reporting periods (P: number or name): figures within
                        and to the end, closing (frozen, with a SHA-256 fingerprint), reports
  periods reopen P --reason R | sign P --accept|--remarks R | restate P [--note N]
  periods as-of P YYYY-MM-DD   the period's figures as the data stood then
  audit verify          check the audit trail's hash chain: intact (entries, up to when, the last
                        entry's hash to write down), or the first broken entry and why (exit 1)
  demo                  generate the demo files and load them into an empty installation
  help                  this text

Every command takes --json (standard output then holds only JSON) and --lang pl|en (messages
in Polish unless --lang en or OSL_LANG=en).
Exit codes: 0 success, 1 input rejected, refused or run failed, 2 misuse (a wrong argument).
Environment: OSL_DATA_DIR (databases, inbox, logs; default data/), OSL_LANG, PORT, DATABASE_URL.
`;
}
