export * from './registry-documents';
