/** Stands for a port method the workers never call, so that a call is a loud test failure. */
export const notUsedByTheWorkers = (): never => {
  throw new Error('not used by the workers');
};
