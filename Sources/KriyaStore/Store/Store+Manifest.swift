import KriyaCore

extension Store {
    /// `kriya.json` names the format and its version. A newer version is refused before
    /// anything is read or written; an older one would be migrated after a backup copy
    /// (version 1 is the first, so there is nothing to migrate from yet).
    func checkManifest(create: Bool) throws(StoreError) {
        let manifestPath = file(Store.manifestName)
        guard let bytes = try durable.read(manifestPath) else {
            let hasData = io.listDirectory(path).contains { Store.snapshotNames.contains($0) || $0 == Store.journalName }
            guard create || hasData else { throw .noData(path: path) }
            // Several staff may open a new directory at the same moment: one writes it.
            try withLock { () throws(StoreError) in
                if try durable.read(manifestPath) == nil { try writeManifest() }
            }
            return try checkManifest(create: false)
        }
        var format: String?
        var version: Int?
        do {
            try bytes.withUnsafeBufferPointer { buf throws(JSONReader.Failure) in
                var r = JSONReader(buf)
                try r.object { r, key throws(JSONReader.Failure) in
                    switch key {
                    case "format": format = try r.string()
                    case "version": version = try r.int()
                    default: try r.skipValue()
                    }
                }
            }
        } catch {
            throw .badManifest(path: manifestPath, reason: "not readable: \(error)")
        }
        guard format == "kriya", let version else {
            throw .badManifest(path: manifestPath, reason: "expected {\"format\":\"kriya\",\"version\":N}")
        }
        if version > Store.formatVersion {
            throw .newerFormat(path: path, found: version, supported: Store.formatVersion)
        }
        if version < 1 { throw .badManifest(path: manifestPath, reason: "unknown format version \(version)") }
    }

    func writeManifest() throws(StoreError) {
        var w = JSONWriter()
        w.beginObject()
        w.member("format", "kriya")
        w.member("version", Store.formatVersion as Int?)
        w.member("created", SystemInfo.now().timestamp)
        w.endObject()
        try durable.replace(file(Store.manifestName), with: w.bytes + [0x0A])
        try durable.syncDirectory(path)
    }
}
