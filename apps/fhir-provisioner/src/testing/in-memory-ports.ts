// The fakes of the domain ports live in @iomt/domain/testing; this name stays for the specs that use it.
export { InMemoryClusterMetadata as InMemoryClusters } from '@iomt/domain/testing';
