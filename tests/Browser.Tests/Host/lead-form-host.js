// The part of the Xrm client API our lead command rule uses, and nothing more:
//   Xrm.Utility.getGlobalContext()            -> GetGlobalContext() of lqx serve's ClientGlobalContext.js.aspx
//   Xrm.WebApi.retrieveMultipleRecords(t, q)  -> GET /api/data/v9.2/<entity set of t><q>, { entities }
//   formContext.data.entity.getId()           -> "{LEAD-ID}"
//   formContext.getAttribute(name).getValue() -> the lead's column from the Web API (lookups as [{ id, entityType }])
//   formContext.getControl(name).getLabel()   -> the column's display name from EntityDefinitions
//   formContext.ui.setFormNotification / clearFormNotification -> #notifications
// The command bar evaluates the rule once after load: a rule resolving false disables #disqualify (Unified Interface
// hides a disabled command; the host keeps it visible but disabled so a test can see it) and sets its title.
(function () {
    "use strict";
    const query = new URLSearchParams(location.search);

    async function api(path) {
        const response = await fetch("/api/data/v9.2/" + path, {
            credentials: "same-origin",
            headers: { Accept: "application/json", Prefer: "odata.include-annotations=\"*\"" },
        });
        const body = await response.json();
        if (!response.ok) {
            throw new Error(body.error ? body.error.message : response.statusText);
        }

        return body;
    }

    const entitySets = new Map();
    async function entitySet(logicalName) {
        if (!entitySets.has(logicalName)) {
            entitySets.set(logicalName, (await api(`EntityDefinitions(LogicalName='${logicalName}')`)).EntitySetName);
        }

        return entitySets.get(logicalName);
    }

    window.Xrm = {
        Utility: { getGlobalContext: () => GetGlobalContext() },
        WebApi: {
            retrieveMultipleRecords: async (entityName, options) => ({ entities: (await api((await entitySet(entityName)) + (options || ""))).value }),
        },
    };

    async function formContext(leadId) {
        const lead = await api(`leads(${leadId})`);
        const labels = new Map((await api("EntityDefinitions(LogicalName='lead')/Attributes")).value
            .map((a) => [a.LogicalName, a.DisplayName.UserLocalizedLabel ? a.DisplayName.UserLocalizedLabel.Label : a.LogicalName]));
        const valueOf = (name) => {
            if (("_" + name + "_value") in lead) {
                const id = lead["_" + name + "_value"];
                return id ? [{ id: "{" + id.toUpperCase() + "}", entityType: lead["_" + name + "_value@Microsoft.Dynamics.CRM.lookuplogicalname"] }] : null;
            }

            return lead[name] === undefined ? null : lead[name];
        };
        const has = (name) => name in lead || ("_" + name + "_value") in lead;
        const list = document.getElementById("notifications");
        return {
            data: { entity: { getId: () => "{" + leadId.toUpperCase() + "}" } },
            getAttribute: (name) => (has(name) ? { getName: () => name, getValue: () => valueOf(name) } : null),
            getControl: (name) => (has(name) ? { getName: () => name, getLabel: () => labels.get(name) || name } : null),
            ui: {
                setFormNotification: (message, level, id) => {
                    let item = list.querySelector(`li[data-id="${id}"]`);
                    if (!item) {
                        item = document.createElement("li");
                        item.dataset.id = id;
                        list.append(item);
                    }

                    item.dataset.level = level;
                    item.textContent = message;
                    return true;
                },
                clearFormNotification: (id) => {
                    const item = list.querySelector(`li[data-id="${id}"]`);
                    if (item) {
                        item.remove();
                    }

                    return true;
                },
            },
        };
    }

    function loadScript(src) {
        return new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = src;
            script.onload = resolve;
            script.onerror = () => reject(new Error("could not load " + src));
            document.head.append(script);
        });
    }

    window.addEventListener("DOMContentLoaded", async () => {
        try {
            const form = await formContext(query.get("id"));
            await loadScript("/WebResources/" + query.get("library"));
            const rule = query.get("rule").split(".").reduce((owner, name) => owner[name], window);
            const enabled = await rule(form);
            const button = document.getElementById("disqualify");
            button.disabled = !enabled;
            const reason = document.querySelector('#notifications li[data-id="lqx-disqualify"]');
            button.title = !enabled && reason ? reason.textContent : "";
            document.getElementById("form").textContent = "Lead " + query.get("id");
            document.body.dataset.ready = "true";
        } catch (error) {
            document.body.dataset.ready = "error";
            document.getElementById("form").textContent = String(error);
        }
    });
})();
