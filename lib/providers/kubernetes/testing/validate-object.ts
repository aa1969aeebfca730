// The validation a real API server does for the kinds the test cluster serves, with its field paths and
// wording, so a 422 names the same field a client would see from a cluster. Not exhaustive: the rules a
// deploy tool can trip over (names, selectors, containers, ports, immutable selectors, weights).
import { isDeepStrictEqual } from "node:util";
import { type StatusCause, kubeErrors } from "./kube-status-error";
import type { Container, Deployment, HttpRoute, KubeObject, Service } from "./kube-types";
import type { ResourceKind } from "./resource-kinds";
import { matchesRequirements, selectorRequirements } from "./selectors";

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const required = (field: string): StatusCause => ({ reason: "FieldValueRequired", message: "Required value", field });
const invalid = (field: string, value: unknown, why: string): StatusCause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${JSON.stringify(value)}: ${why}`,
  field,
});

function validateName(object: KubeObject, kind: string): StatusCause[] {
  const name = object.metadata?.name;
  if (!name) return object.metadata?.generateName ? [] : [required("metadata.name")];
  if (kind === "Service" && (!DNS_LABEL.test(name) || name.length > 63))
    return [
      invalid(
        "metadata.name",
        name,
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
      ),
    ];
  if (!DNS_SUBDOMAIN.test(name) || name.length > 253)
    return [
      invalid(
        "metadata.name",
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      ),
    ];
  return [];
}

function validateContainers(containers: Container[] | undefined, path: string): StatusCause[] {
  if (!containers?.length) return [required(`${path}.containers`)];
  return containers.flatMap((c, i) => [
    ...(c.name ? [] : [required(`${path}.containers[${i}].name`)]),
    ...(c.image ? [] : [required(`${path}.containers[${i}].image`)]),
    ...(c.ports ?? []).flatMap((p, j) =>
      p.containerPort > 0 && p.containerPort < 65536
        ? []
        : [invalid(`${path}.containers[${i}].ports[${j}].containerPort`, p.containerPort, "must be between 1 and 65535, inclusive")],
    ),
  ]);
}

function validateDeployment(d: Deployment, previous?: Deployment): StatusCause[] {
  const spec = d.spec ?? ({} as Deployment["spec"]);
  const causes: StatusCause[] = [];
  const requirements = selectorRequirements(spec.selector);
  if (!spec.selector) causes.push(required("spec.selector"));
  else if (requirements.length === 0) causes.push(invalid("spec.selector", spec.selector, "empty selector is invalid for deployment"));
  else if (!matchesRequirements(spec.template?.metadata?.labels, requirements))
    causes.push(
      invalid("spec.template.metadata.labels", spec.template?.metadata?.labels ?? {}, "`selector` does not match template `labels`"),
    );
  if (spec.replicas < 0) causes.push(invalid("spec.replicas", spec.replicas, "must be greater than or equal to 0"));
  causes.push(...validateContainers(spec.template?.spec?.containers, "spec.template.spec"));
  const rolling = spec.strategy?.rollingUpdate;
  if (rolling && String(rolling.maxSurge).replace("%", "") === "0" && String(rolling.maxUnavailable).replace("%", "") === "0")
    causes.push(invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
  if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
    causes.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
  if (previous && !isDeepStrictEqual(previous.spec.selector, spec.selector))
    causes.push(invalid("spec.selector", spec.selector, "field is immutable"));
  return causes;
}

function validateService(s: Service): StatusCause[] {
  if (s.spec?.type === "ExternalName") return [];
  if (!s.spec?.ports?.length) return [required("spec.ports")];
  return s.spec.ports.flatMap((p, i) =>
    p.port > 0 && p.port < 65536 ? [] : [invalid(`spec.ports[${i}].port`, p.port, "must be between 1 and 65535, inclusive")],
  );
}

function validateHttpRoute(r: HttpRoute): StatusCause[] {
  return (r.spec?.rules ?? []).flatMap((rule, i) =>
    (rule.backendRefs ?? []).flatMap((ref, j) => {
      const path = `spec.rules[${i}].backendRefs[${j}]`;
      const weight = ref.weight ?? 1;
      return [
        ...(ref.name ? [] : [required(`${path}.name`)]),
        ...(Number.isInteger(weight) && weight >= 0 && weight <= 1_000_000
          ? []
          : [
              {
                reason: "FieldValueInvalid",
                message: `Invalid value: ${weight}: ${path}.weight in body should be less than or equal to 1000000`,
                field: `${path}.weight`,
              },
            ]),
      ];
    }),
  );
}

/** Throws a 422 Invalid Status naming every offending field; `previous` is the stored object on update. */
export function validateObject({
  resource,
  object,
  previous,
}: {
  resource: ResourceKind;
  object: KubeObject;
  previous?: KubeObject;
}): void {
  const causes = [...validateName(object, resource.kind)];
  if (resource.kind === "Deployment") causes.push(...validateDeployment(object as Deployment, previous as Deployment | undefined));
  if (resource.kind === "ReplicaSet" || resource.kind === "Pod") {
    const spec = (
      resource.kind === "Pod" ? object.spec : (object.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec
    ) as { containers?: Container[] } | undefined;
    causes.push(...validateContainers(spec?.containers, resource.kind === "Pod" ? "spec" : "spec.template.spec"));
  }
  if (resource.kind === "Service") causes.push(...validateService(object as Service));
  if (resource.kind === "HTTPRoute") causes.push(...validateHttpRoute(object as HttpRoute));
  if (causes.length) throw kubeErrors.invalid(resource, object.metadata?.name ?? "", causes);
}
