import { HEALTHCARE_APIS_NAMESPACE } from '@iomt/domain';

/** One entry of `GET /providers/Microsoft.HealthcareApis/operations` (arm-rpc.md §1.13). */
export interface ProviderOperation {
  readonly name: string;
  readonly isDataAction: false;
  readonly display: { readonly provider: string; readonly resource: string; readonly operation: string; readonly description: string };
  readonly origin: 'user' | 'system' | 'user,system';
}

const PROVIDER_DISPLAY = 'Microsoft Healthcare APIs';

function operation(type: string, verb: string, resource: string, what: string, origin: ProviderOperation['origin'] = 'user,system'): ProviderOperation {
  return {
    name: `${HEALTHCARE_APIS_NAMESPACE}/${type}/${verb}`,
    isDataAction: false,
    display: { provider: PROVIDER_DISPLAY, resource, operation: what, description: what },
    origin,
  };
}

function crud(type: string, resource: string, noun: string): ProviderOperation[] {
  return [
    operation(type, 'read', resource, `Read ${noun}`),
    operation(type, 'write', resource, `Create or update ${noun}`),
    operation(type, 'delete', resource, `Delete ${noun}`),
  ];
}

/** Every operation this provider serves; ARM requires `register/action` to be listed. */
export const PROVIDER_OPERATIONS: readonly ProviderOperation[] = [
  operation('register', 'action', 'Microsoft.HealthcareApis', 'Register the subscription for Microsoft.HealthcareApis'),
  ...crud('services', 'Service', 'a FHIR service'),
  ...crud('services/iomtconnectors', 'IoMT connector', 'an IoMT connector'),
  ...crud('services/iomtconnectors/mappings', 'IoMT connector mapping', 'an IoMT connector mapping'),
  ...crud('services/iomtconnectors/connections', 'IoMT connector connection', 'an IoMT connector connection'),
  operation('services/iomtconnectors/connections', 'listKeys/action', 'IoMT connector connection', 'List the keys of a connection'),
  operation('services/iomtconnectors/connections', 'regenerateKey/action', 'IoMT connector connection', 'Regenerate a key of a connection'),
  operation('locations/operationresults', 'read', 'Operation result', 'Read the result of an operation'),
  operation('locations/operationstatuses', 'read', 'Operation status', 'Read the status of an operation'),
  operation('checkNameAvailability', 'read', 'Name availability', 'Check whether a FHIR service name is available'),
  operation('validateMedtechMappings', 'action', 'MedTech mappings', 'Validate a device mapping and a FHIR mapping'),
  operation('operations', 'read', 'Operations', 'List the operations of Microsoft.HealthcareApis'),
];
