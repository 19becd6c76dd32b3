/**
 * A storage account connection string as Azure forms it (the Key Vault secret `blob-storage-cs`
 * holds one). It contains the key: a secret, never logged or stored outside Key Vault.
 */
export function storageConnectionString(accountName: string, accountKey: string, endpointSuffix: string): string {
  return `DefaultEndpointsProtocol=https;AccountName=${accountName};AccountKey=${accountKey};EndpointSuffix=${endpointSuffix}`;
}
