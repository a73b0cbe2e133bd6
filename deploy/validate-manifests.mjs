// Validates the Kubernetes manifests in deploy/k8s against the Kubernetes API's own
// schemas (the kubernetes-models package: JSON Schema validation of every field, type
// and required property). Run by deploy/check.sh. Exits 1 on the first invalid document.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";

const kinds = { ConfigMap, Secret, Service, Deployment };
const dir = process.argv[2];
let count = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort()) {
	for (const document of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
		if (document.errors.length > 0) {
			console.error(`${file}: ${document.errors[0].message}`);
			process.exit(1);
		}
		const object = document.toJS();
		const Kind = kinds[object.kind];
		if (!Kind) {
			console.error(`${file}: no schema here for kind ${object.kind}`);
			process.exit(1);
		}
		try {
			new Kind(object).validate();
		} catch (error) {
			console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${error.message}`);
			process.exit(1);
		}
		console.log(`ok   ${file}: ${object.kind} ${object.metadata.name}`);
		count++;
	}
}
console.log(`${count} manifests valid`);
