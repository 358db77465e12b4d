public enum HunchCoreVersion { public static let string = "0.1.0" }
