export * from './account-registry-document';
export * from './child-resource';
export * from './document-codec';
export * from './identifiers';
export * from './infrastructure';
export * from './search-index';
