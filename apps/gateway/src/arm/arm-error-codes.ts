/**
 * ARM error codes the gateway answers with beyond the domain's `ErrorCode` (arm-rpc.md §1.6–§1.9;
 * names as ARM, ARO-RP and ARO-HCP use them).
 */
export const ArmErrorCode = {
  AuthenticationFailed: 'AuthenticationFailed',
  Forbidden: 'Forbidden',
  UnsupportedMediaType: 'UnsupportedMediaType',
  RequestEntityTooLarge: 'RequestEntityTooLarge',
  InvalidSubscriptionState: 'InvalidSubscriptionState',
  SubscriptionNotRegistered: 'SubscriptionNotRegistered',
  ParentResourceNotFound: 'ParentResourceNotFound',
  ParentResourceNotProvisioned: 'ParentResourceNotProvisioned',
  ResourceNotProvisioned: 'ResourceNotProvisioned',
  LocationNotAvailableForResourceType: 'LocationNotAvailableForResourceType',
  PropertyChangeNotAllowed: 'PropertyChangeNotAllowed',
  QuotaExceeded: 'QuotaExceeded',
  NotFound: 'NotFound',
  OperationCanceled: 'OperationCanceled',
  ProvisioningFailed: 'ProvisioningFailed',
} as const;
