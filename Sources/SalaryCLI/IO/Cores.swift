#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads the streaming commands (`estimate --batch`, `export`) work on.
enum Cores {
  /// The most threads a command starts: beyond this a batch waits on its output, not on
  /// its work.
  static let most = 8

  /// The cores this process may run on (`taskset`, a container's CPU set), at least 1 and
  /// at most ``most``: the cores online where the system cannot say. A container's CPU
  /// quota (cgroup `cpu.max`), which limits time rather than cores, is not read.
  static var available: Int {
    min(max(allowed ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1), most)
  }

  /// The number of cores in this process's affinity mask, from `sched_getaffinity(2)`;
  /// nil where the system has no such call or it fails.
  private static var allowed: Int? {
    #if os(Linux)
      // 1,024 cores' worth of mask, glibc's CPU_SETSIZE.
      var mask = [UInt64](repeating: 0, count: 16)
      let status = mask.withUnsafeMutableBytes { bytes in
        scheduleAffinity(0, bytes.count, bytes.baseAddress!)
      }
      guard status == 0 else { return nil }
      let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
      return count > 0 ? count : nil
    #else
      return nil
    #endif
  }
}

#if os(Linux)
  /// `int sched_getaffinity(pid_t, size_t, cpu_set_t *)`: Glibc's module leaves it out (it
  /// is declared only under `_GNU_SOURCE`), so it is named here; its arguments are plain
  /// integers and a pointer, passed alike by Swift and C.
  @_silgen_name("sched_getaffinity")
  private func scheduleAffinity(
    _ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer
  ) -> Int32
#endif
