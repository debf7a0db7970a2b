import Testing
import Core
import Store

/// The one XDG rule every reader of a user's files goes through.
@Suite struct UserPathsTests {
    @Test func configPrefersXDGThenHome() {
        #expect(UserPaths.configDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/opsdeck")
        #expect(UserPaths.configDirectory(environment: ["HOME": "/h"]) == "/h/.config/opsdeck")
        #expect(UserPaths.configFile("sla.conf", environment: ["HOME": "/h"]) == "/h/.config/opsdeck/sla.conf")
        #expect(UserPaths.configDirectory(environment: [:]) == nil)
    }

    @Test func anEmptyVariableCountsAsUnset() {
        #expect(UserPaths.configDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/opsdeck")
        #expect(UserPaths.dataDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/opsdeck")
    }

    @Test func theStoreLivesInTheDataFolder() {
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/d"]) == "/d/opsdeck/opsdeck.sqlite")
        #expect(Store.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/opsdeck/opsdeck.sqlite")
        #expect(Store.defaultPath(environment: [:]) == "./.local/share/opsdeck/opsdeck.sqlite")
    }
}
