/**
 * Runs the clean-up of a failed step and returns the step's own error, with any clean-up failure
 * appended to its message: what made the run fail is what its record must say first (a folder
 * that refuses writes also refuses the removal of what was written there).
 */
export function cleanUpAfter(cause: unknown, ...cleanUps: (() => void)[]): Error {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  const failures: string[] = [];
  for (const cleanUp of cleanUps) {
    try {
      cleanUp();
    } catch (failure) {
      failures.push(failure instanceof Error ? failure.message.split('\n')[0]! : String(failure));
    }
  }
  if (failures.length > 0) error.message = `${error.message}; the clean-up also failed: ${failures.join('; ')}`;
  return error;
}
