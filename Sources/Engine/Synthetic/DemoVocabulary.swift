import Core
/// The demo's own labels. Real data keeps its own (see `Vocabulary`); these exist so the
/// generator can give each label its effect on churn, spend and resolution times.
public enum Industry: String, Category {
    case retail = "Retail", healthcare = "Healthcare", saas = "SaaS", education = "Education", manufacturing = "Manufacturing"
}

public enum Product: String, Category {
    case cxSuite = "CX Suite", payments = "Payments", connectivity = "Connectivity", marTech = "MarTech", pos = "POS"
}

/// The demo desk's vocabularies, least urgent priority first (the order their codes take).
public enum DemoDesk {
    public static let priorities = ["Low", "Medium", "High", "Critical"]
    public static let channels = ["Email", "Phone", "Chat", "Social media"]
    public static let open = "Open", pending = "Pending Customer Response", closed = "Closed"
}
