import ArgumentParsing

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

#if os(Linux)
  /// `O_TMPFILE` and `AT_EMPTY_PATH`, which Glibc's module does not import (they are macros
  /// built of other macros); the same on every Linux architecture Swift runs on.
  let openUnnamed: Int32 = 0o20_000_000 | O_DIRECTORY
  private let emptyPath: Int32 = 0x1000
#endif

/// A file written completely or not at all: the bytes go to a new file in the target's
/// folder, which takes the target's place only when everything was written and synced.
///
/// - The target must be a regular file or absent. A device, FIFO, directory or socket is
///   refused, with or without `replace`: writing one is not what `--out` is for, and
///   replacing one with a regular file would destroy it.
/// - A symbolic link is followed, as `cp` and a shell's `>` do: the file it points to is
///   replaced, atomically, and the link stays a link. A link to nothing is refused.
/// - A replaced file keeps its permission bits and, where the process may set them, its
///   owner and group. A file the process may not write is refused, as a shell's `>` would
///   refuse it.
/// - On Linux the new file is unnamed (`O_TMPFILE`) until it is complete, so a kill at any
///   moment, even `kill -9`, leaves the old file and nothing else. Where the folder's file
///   system has no unnamed files, the new file is `.NAME.salary-PID.tmp`, removed on an
///   error or an interrupt; a temporary left by a process that no longer runs (killed with
///   `kill -9`) is removed by the next write to the same target.
final class AtomicFile {
  /// The name the user gave, for messages.
  let name: String
  /// The file that is replaced: `name`, or what it links to.
  private let target: String
  private let descriptor: Int32
  /// The temporary file's path where it has a name (no `O_TMPFILE`).
  private var temporary: String?
  private let replace: Bool
  private var cleanupSlot: Int?
  /// Whether the descriptor is still open: the file neither committed nor discarded.
  private var isOpen = true

  /// Opens a new file that will take `path`'s place.
  ///
  /// - Throws: ``CommandFailure`` when the target is not a regular file, exists and
  ///   `replace` is false, may not be written, or its folder cannot be written.
  init(path: String, replace: Bool) throws(CommandFailure) {
    name = path
    self.replace = replace
    var target = path
    var existing: stat?
    var info = stat()
    if lstat(path, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFLNK {
        guard let resolved = realpath(path, nil) else {
          throw CommandFailure(
            "'\(path.echoed)' is a symbolic link to a file that does not exist; give the "
              + "file's own name to --out.")
        }
        target = String(cString: resolved)
        free(resolved)
        guard stat(target, &info) == 0 else { throw Self.failure(path) }
      }
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw CommandFailure(
          "'\(path.echoed)' is \(Self.kind(of: info.st_mode)), not a regular file: --out "
            + "writes regular files only. Give a file name, or leave out --out to write to "
            + "standard output.")
      }
      guard replace else {
        throw CommandFailure("'\(path.echoed)' already exists; give --force to replace it.")
      }
      guard access(target, W_OK) == 0 else {
        throw CommandFailure(
          "Cannot replace '\(path.echoed)': \(Self.reason()). Make it writable first, or "
            + "write to another file.")
      }
      existing = info
    } else if errno != ENOENT {
      throw Self.failure(path)
    }
    self.target = target
    let (folder, base) = Self.split(target)
    Self.removeStaleTemporaries(in: folder, of: base)
    var descriptor: Int32 = -1
    var temporary: String?
    #if os(Linux)
      descriptor = open(folder.isEmpty ? "." : folder, openUnnamed | O_WRONLY | O_CLOEXEC, 0o666)
    #endif
    if descriptor < 0 {
      let named = Self.temporaryName(folder: folder, base: base, pid: getpid())
      descriptor = open(named, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw Self.failure(path) }
      temporary = named
      cleanupSlot = InterruptCleanup.register(named)
    }
    if let existing {
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      _ = fchmod(descriptor, existing.st_mode & 0o7777)
    }
    self.descriptor = descriptor
    self.temporary = temporary
  }

  deinit { discard() }

  /// Throws the new file away; the target stays as it was. Does nothing once committed.
  func discard() {
    guard isOpen else { return }
    isOpen = false
    close(descriptor)
    if let temporary { unlink(temporary) }
    InterruptCleanup.unregister(cleanupSlot)
    cleanupSlot = nil
  }

  /// Writes all of `bytes`.
  ///
  /// - Throws: ``CommandFailure`` naming the file and the system's reason.
  func write(_ bytes: UnsafeRawBufferPointer) throws(CommandFailure) {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw Self.failure(name)
      }
      offset += written
    }
  }

  /// Syncs the new file and puts it in the target's place; the file is then closed.
  ///
  /// - Throws: ``CommandFailure`` when it cannot; the target is then as it was.
  func commit() throws(CommandFailure) {
    precondition(isOpen, "an atomic file is committed once")
    guard fsync(descriptor) == 0 else { throw Self.failure(name) }
    let (folder, base) = Self.split(target)
    let staging = temporary ?? Self.temporaryName(folder: folder, base: base, pid: getpid())
    if temporary == nil {
      // Name the unnamed file: straight as the target when it must not replace one (a file
      // made meanwhile is then not lost: the link fails), else beside it, then renamed.
      let name = replace ? staging : target
      guard link(descriptor: descriptor, as: name) else {
        if errno == EEXIST && !replace {
          throw CommandFailure("'\(self.name.echoed)' already exists; give --force to replace it.")
        }
        throw Self.failure(self.name)
      }
      if !replace {
        closeCommitted()
        return
      }
    }
    guard rename(staging, target) == 0 else {
      let failure = Self.failure(name)
      unlink(staging)
      throw failure
    }
    closeCommitted()
  }

  /// Closes the committed file; its temporary name is the target's now, nothing to remove.
  private func closeCommitted() {
    isOpen = false
    temporary = nil
    close(descriptor)
    InterruptCleanup.unregister(cleanupSlot)
    cleanupSlot = nil
  }

  /// Gives the unnamed file `descriptor` the name `path`.
  private func link(descriptor: Int32, as path: String) -> Bool {
    #if os(Linux)
      if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
        return true
      }
      // Without /proc, the direct form (which needs CAP_DAC_READ_SEARCH).
      let firstError = errno
      if linkat(descriptor, "", AT_FDCWD, path, emptyPath) == 0 { return true }
      errno = firstError
    #endif
    return false
  }

  /// The folder (with its final slash, or empty) and the name of `path`.
  private static func split(_ path: String) -> (folder: String, base: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  private static func temporaryName(folder: String, base: String, pid: pid_t) -> String {
    "\(folder).\(base).salary-\(pid).tmp"
  }

  /// Removes `.BASE.salary-PID.tmp` files in `folder` whose process no longer runs.
  private static func removeStaleTemporaries(in folder: String, of base: String) {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
    defer { closedir(directory) }
    let prefix = ".\(base).salary-"
    while let entry = readdir(directory) {
      let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
      let digits = entryName.dropFirst(prefix.count).dropLast(4)
      guard let pid = pid_t(digits), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + entryName) }
    }
  }

  /// What a file of this mode is, for a message: "a directory", "a FIFO", ….
  private static func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a directory"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }

  private static func reason() -> String { String(cString: strerror(errno)) }

  /// The failure to write `path`, with the system's reason from `errno`.
  private static func failure(_ path: String) -> CommandFailure {
    CommandFailure("Cannot write to '\(path.echoed)': \(reason()).")
  }
}
