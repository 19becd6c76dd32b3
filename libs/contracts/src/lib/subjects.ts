/**
 * Message subjects: the routing key, carried in the Service Bus message `subject`
 * (style.md §4.5). A request's reply travels under `replySubjectOf(subject)`.
 */
export const Subject = {
  /** operations queue: an operation was recorded and waits for the router. */
  OperationRequested: 'operation.requested',
  /** fhir-commands */
  ProvisionFhirService: 'fhir-service.provision',
  PatchFhirService: 'fhir-service.patch',
  DeprovisionFhirService: 'fhir-service.deprovision',
  /** iomt-commands */
  ProvisionIomtConnector: 'iomt-connector.provision',
  DeprovisionIomtConnector: 'iomt-connector.deprovision',
  PutIomtMapping: 'iomt-mapping.put',
  CreateIomtConnection: 'iomt-connection.create',
  DeleteIomtConnection: 'iomt-connection.delete',
  /** key-rotation-commands */
  RotateConnectorKeys: 'connector-keys.rotate',
  /** operation-replies: a worker's progress on an operation, before its reply. */
  OperationProgress: 'operation.progress',
} as const;

/** One of the `Subject` values. */
export type Subject = (typeof Subject)[keyof typeof Subject];

/** Appended to a request's subject to form its reply's subject (the messaging transport's rule). */
export const REPLY_SUBJECT_SUFFIX = '.reply';

/** The subject of the reply to a request sent under `subject`: `fhir-service.provision.reply`. */
export function replySubjectOf(subject: string): string {
  return `${subject}${REPLY_SUBJECT_SUFFIX}`;
}

/** The request subject a reply subject answers, or undefined when `subject` is not a reply subject. */
export function requestSubjectOf(replySubject: string): string | undefined {
  return replySubject.endsWith(REPLY_SUBJECT_SUFFIX) && replySubject.length > REPLY_SUBJECT_SUFFIX.length
    ? replySubject.slice(0, -REPLY_SUBJECT_SUFFIX.length)
    : undefined;
}
