/** Full samples of every stored document (see the two files for what each holds). */
export * from './registry-samples';
export * from './operation-samples';
