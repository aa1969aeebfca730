// The slice of the Kubernetes object model the test cluster reads and writes, in its JSON shape. Objects
// in the store are never mutated in place: a write stores a new object, so watch history stays truthful.
export type Labels = Record<string, string>;

export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

export type ObjectMeta = {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  labels?: Labels;
  annotations?: Labels;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
};

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // Specs and statuses are open JSON here; each controller narrows the part it owns.
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [field: string]: unknown;
};

export type LabelSelectorRequirement = { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] };
export type LabelSelector = { matchLabels?: Labels; matchExpressions?: LabelSelectorRequirement[] };

export type EnvVar = { name: string; value?: string };
export type ContainerPort = { name?: string; containerPort: number; protocol?: string };
export type Container = {
  name: string;
  image: string;
  env?: EnvVar[];
  ports?: ContainerPort[];
  readinessProbe?: { httpGet?: { path?: string; port?: number | string }; initialDelaySeconds?: number; periodSeconds?: number };
};
export type PodTemplateSpec = {
  metadata?: { labels?: Labels; annotations?: Labels };
  spec: { containers: Container[]; [f: string]: unknown };
};

export type IntOrString = number | string;
export type DeploymentSpec = {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy: { type: "RollingUpdate" | "Recreate"; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
  minReadySeconds?: number;
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  paused?: boolean;
};

export type Condition = {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
};

export type DeploymentStatus = {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
};

export type ReplicaSetStatus = {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
};

export type Deployment = KubeObject & { spec: DeploymentSpec; status: DeploymentStatus };
export type ReplicaSet = KubeObject & {
  spec: { replicas: number; selector: LabelSelector; template: PodTemplateSpec; minReadySeconds?: number };
  status: ReplicaSetStatus;
};
export type Pod = KubeObject & {
  spec: PodTemplateSpec["spec"];
  status: { phase?: string; conditions?: Condition[]; podIP?: string; hostIP?: string; startTime?: string; [f: string]: unknown };
};
export type ServicePort = { name?: string; port: number; targetPort?: IntOrString; protocol?: string };
export type Service = KubeObject & { spec: { selector?: Labels; ports?: ServicePort[]; type?: string; [f: string]: unknown } };

export type BackendRef = { name: string; namespace?: string; port?: number; weight?: number; kind?: string; group?: string };
export type HttpRouteMatch = { path?: { type?: "PathPrefix" | "Exact"; value?: string } };
export type HttpRoute = KubeObject & {
  spec: { parentRefs?: { name: string }[]; hostnames?: string[]; rules?: { matches?: HttpRouteMatch[]; backendRefs?: BackendRef[] }[] };
};

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
