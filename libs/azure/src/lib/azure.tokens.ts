/** DI token of the validated `AzureOptions`. */
export const AZURE_OPTIONS = Symbol('AZURE_OPTIONS');
/** DI token of the module's `ArmClients` (one set of SDK clients per infrastructure subscription). */
export const ARM_CLIENTS = Symbol('ARM_CLIENTS');
