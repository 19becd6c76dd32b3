import {
  assertLocation,
  assertSubscriptionId,
  deploymentName,
  type DeploymentRequest,
  type FhirServiceAccount,
} from '@iomt/domain';
import { assertAppServicePlanId } from './arm-template';
import { fhirServiceTemplate } from './fhir-service.template';
import { fhirServiceResourceNames } from './resource-names';

/** The `step` of the FHIR service deployment's name (`fhir-service-{operationId}`). */
export const FHIR_SERVICE_DEPLOYMENT_STEP = 'fhir-service';

const FHIR_VERSIONS: Readonly<Record<string, string>> = { fhir: 'R4', 'fhir-r4': 'R4', 'fhir-stu3': 'Stu3' };

/** Where a FHIR service goes. */
export interface FhirServicePlacement {
  readonly infrastructureSubscriptionId: string;
  /** The App Service plan hosting the FHIR server in the account's region. */
  readonly appServicePlanId: string;
}

/** `Name__0`, `Name__1`...: how .NET configuration reads a list from app settings. */
function listSettings(prefix: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value, i) => [`${prefix}__${i}`, value]));
}

/**
 * The FHIR server's app settings from the account (the OSS fhir-server's configuration keys):
 * authentication, CORS, SMART proxy and version. Names and switches only: no secret.
 */
export function fhirServerAppSettings(account: FhirServiceAccount): Record<string, string> {
  const { authenticationConfiguration: auth, corsConfiguration: cors } = account.properties;
  return {
    FHIR_VERSION: FHIR_VERSIONS[account.kind.toLowerCase()] ?? 'R4',
    FhirServer__Security__Enabled: 'true',
    ...(auth.authority === undefined ? {} : { FhirServer__Security__Authentication__Authority: auth.authority }),
    FhirServer__Security__Authentication__Audience: auth.audience ?? `https://${account.name}.azurehealthcareapis.com`,
    FhirServer__Security__EnableAadSmartOnFhirProxy: String(auth.smartProxyEnabled),
    ...listSettings('FhirServer__Cors__Origins', cors.origins),
    ...listSettings('FhirServer__Cors__Methods', cors.methods),
    ...listSettings('FhirServer__Cors__Headers', cors.headers),
    ...(cors.maxAge === undefined ? {} : { FhirServer__Cors__MaxAge: String(cors.maxAge) }),
    FhirServer__Cors__AllowCredentials: String(cors.allowCredentials),
  };
}

/**
 * The deployment of a FHIR service's infrastructure (provision and patch: the same template,
 * redeployed with the account's current settings under the new operation's name).
 * @throws ValidationError for a bad placement, location or operation id.
 */
export function fhirServiceDeploymentRequest(
  account: FhirServiceAccount,
  placement: FhirServicePlacement,
  operationId: string,
): DeploymentRequest {
  assertSubscriptionId(placement.infrastructureSubscriptionId);
  assertAppServicePlanId(placement.appServicePlanId);
  const location = assertLocation(account.location);
  const names = fhirServiceResourceNames(account);
  const tags = {
    fhirServiceId: account.id,
    fhirServiceName: account.name,
    customerSubscriptionId: account.subscriptionId,
  };
  return {
    subscriptionId: placement.infrastructureSubscriptionId,
    resourceGroupName: names.resourceGroup,
    location,
    deploymentName: deploymentName(operationId, FHIR_SERVICE_DEPLOYMENT_STEP),
    template: fhirServiceTemplate() as unknown as Record<string, unknown>,
    tags,
    parameters: {
      location,
      tags,
      cosmosDbAccountName: names.cosmosDbAccount,
      offerThroughput: account.properties.cosmosDbConfiguration.offerThroughput,
      keyVaultKeyUri: account.properties.cosmosDbConfiguration.keyVaultKeyUri ?? '',
      webAppName: names.webApp,
      appServicePlanId: placement.appServicePlanId,
      identityType: account.identity?.type === 'SystemAssigned' ? 'SystemAssigned' : 'None',
      appSettings: fhirServerAppSettings(account),
    },
  };
}
