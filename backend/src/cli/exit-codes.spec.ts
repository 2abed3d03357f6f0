import { describe, expect, it } from 'vitest';
import { errorKinds } from '../lib/domain-error.ts';
import { cliLanguage, exitCodeOfKind, exitCodes } from './exit-codes.ts';

describe('the CLI’s exit codes and language', () => {
  it('gives every kind of refusal an exit code: a wrong argument is misuse, the rest a rejection', () => {
    expect(Object.keys(exitCodeOfKind).sort()).toEqual([...errorKinds].sort());
    expect(exitCodeOfKind.invalid).toBe(exitCodes.misuse);
    for (const kind of errorKinds.filter((k) => k !== 'invalid')) expect(exitCodeOfKind[kind], kind).toBe(exitCodes.rejected);
  });

  it('speaks Polish unless --lang or OSL_LANG says English', () => {
    expect(cliLanguage(['list'], {})).toBe('pl');
    expect(cliLanguage(['list'], { LANG: 'en_US.UTF-8' })).toBe('pl');
    expect(cliLanguage(['list'], { OSL_LANG: 'en' })).toBe('en');
    expect(cliLanguage(['list', '--lang', 'en'], {})).toBe('en');
    expect(cliLanguage(['list', '--lang=en'], {})).toBe('en');
    expect(cliLanguage(['list', '--lang', 'pl'], { OSL_LANG: 'en' })).toBe('pl');
  });
});
