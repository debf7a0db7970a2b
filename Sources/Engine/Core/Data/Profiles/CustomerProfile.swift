/// One CRM's account export: the header names of each customer field and how to recognise
/// the export. Fields a CRM does not have stay absent (their defaults are reported); its
/// own columns (AnnualRevenue, Lifecycle Stage, custom fields) are kept as model features.
public struct CustomerProfile: Sendable, Equatable {
    public var name: String
    public var title: String
    /// Customer field name (as in `CustomerCSV.fields`) → the header names it answers to, preferred first.
    public var columns: [String: [String]]
    /// Header names that together identify the export.
    public var signature: [String]

    public static let generic = CustomerProfile(name: "generic", title: "OpsDeck generic customer schema", columns: [:], signature: [])

    /// Salesforce Account (Data Loader / report export, API names): the tier from the SLA
    /// picklist (Platinum…Bronze) else Rating (Hot/Warm/Cold).
    public static let salesforce = CustomerProfile(
        name: "salesforce", title: "Salesforce Account export",
        columns: [
            "customer_id": ["Id", "Account ID"], "name": ["Name", "Account Name"], "industry": ["Industry"],
            "lat": ["BillingLatitude", "ShippingLatitude"], "lon": ["BillingLongitude", "ShippingLongitude"],
            "company_size": ["NumberOfEmployees", "Employees"], "tier": ["SLA__c", "Rating", "CustomerPriority__c"],
            "churned": ["Churned__c"], "domain": ["Website"],
        ],
        signature: ["Id", "Name", "OwnerId"])

    /// HubSpot companies export (display labels; latitude/longitude are custom properties).
    public static let hubspot = CustomerProfile(
        name: "hubspot", title: "HubSpot companies export",
        columns: [
            "customer_id": ["Record ID", "Company ID"], "name": ["Company name", "Name"], "industry": ["Industry"],
            "lat": ["Latitude"], "lon": ["Longitude"], "company_size": ["Number of Employees"],
            "tier": ["Ideal Customer Profile Tier", "hs_ideal_customer_profile"],
            "domain": ["Company Domain Name", "Domain", "domain"],
        ],
        signature: ["Record ID", "Company name"])

    public static let all: [CustomerProfile] = [salesforce, hubspot, generic]

    public static func named(_ name: String) -> CustomerProfile? {
        let key = normaliseLabel(Substring(name))
        return all.first { normaliseLabel(Substring($0.name)) == key }
    }

    public static func detect(header: [String]) -> CustomerProfile {
        let set = Set(header.map { normaliseLabel(Substring($0)) })
        return all.first { p in
            p.name != generic.name && p.signature.allSatisfy { set.contains(normaliseLabel(Substring($0))) }
        } ?? generic
    }

    /// The customer schema with this export's names first among each field's aliases.
    package func fields(_ base: [FieldSpec]) -> [FieldSpec] {
        base.map { f in
            guard let names = columns[f.name] else { return f }
            return FieldSpec(f.name, aliases: names + f.aliases, required: f.required)
        }
    }
}
