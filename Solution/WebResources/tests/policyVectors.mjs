// Runs tests/Shared/policy-vectors.json against the built page's validator (bin/lqx_PolicyConfiguration.js).
// Usage: node tests/policyVectors.mjs [vectors.json] [bundle.js]; prints one line per failure and "N passed, N failed".
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorsPath = process.argv[2] ?? path.join(here, "../../../tests/Shared/policy-vectors.json");
const bundlePath = process.argv[3] ?? path.join(here, "../bin/lqx_PolicyConfiguration.js");
const context = vm.createContext({});
vm.runInContext(fs.readFileSync(bundlePath, "utf8"), context, { filename: bundlePath });
const Policy = context.LeadQualifyExtensions.Policy;

let passed = 0;
let failed = 0;
for (const vector of JSON.parse(fs.readFileSync(vectorsPath, "utf8")).vectors) {
    const result = Policy.parse(vector.json);
    const actual = result.problem
        ? { problem: { en: Policy.render(result.problem, 1033), de: Policy.render(result.problem, 1031) } }
        : { policy: result.policy };
    const expected = vector.problem ? { problem: vector.problem } : { policy: vector.policy };
    if (JSON.stringify(actual) === JSON.stringify(expected)) {
        passed++;
    } else {
        failed++;
        console.log(`FAILED ${vector.name}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
    }
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
