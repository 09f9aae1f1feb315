extension Band {
  /// The 10th, 50th and 90th percentiles of `values`, each interpolated linearly between
  /// the two order statistics around its position q(n − 1), as `sorted()` and
  /// interpolation would give, but found by selection: O(n) on average instead of
  /// O(n log n). Reorders `values`.
  ///
  ///     var values = [5.0, 1, 4, 2, 3]
  ///     Band(percentilesOf: &values)  // p10 1.4, p50 3, p90 4.6
  ///
  /// - Precondition: `values` is not empty and holds no NaN.
  /// - Complexity: O(*n*) on average.
  public init(percentilesOf values: inout [Double]) {
    precondition(!values.isEmpty, "percentiles of nothing")
    let count = values.count
    var lastSelected = -1
    var p10 = 0.0
    var p50 = 0.0
    var p90 = 0.0
    values.withUnsafeMutableBufferPointer { buffer in
      /// The order statistic of rank `rank`, with every smaller rank already in place below
      /// `from`: selecting ranks in increasing order only ever searches what is left above.
      func statistic(_ rank: Int) -> Double {
        if rank > lastSelected {
          select(rank, in: buffer, from: lastSelected + 1)
          lastSelected = rank
        }
        return buffer[rank]
      }
      func at(_ q: Double) -> Double {
        let position = q * Double(count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, count - 1)
        let lower = statistic(low)
        let upper = statistic(high)
        return lower + (upper - lower) * (position - Double(low))
      }
      p10 = at(0.1)
      p50 = at(0.5)
      p90 = at(0.9)
    }
    self.init(p10: p10, p50: p50, p90: p90)
  }
}

/// Moves the element of rank `rank` among `buffer[from...]` to index `rank`, with smaller
/// ones before it and larger ones after (Hoare's selection with a median-of-three pivot;
/// insertion sort for short ranges).
private func select(_ rank: Int, in buffer: UnsafeMutableBufferPointer<Double>, from: Int) {
  var low = from
  var high = buffer.count - 1
  while high - low > 16 {
    let middle = low + (high - low) / 2
    if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
    if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
    if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
    let pivot = buffer[middle]
    var i = low
    var j = high
    while i <= j {
      while buffer[i] < pivot { i += 1 }
      while pivot < buffer[j] { j -= 1 }
      if i <= j {
        buffer.swapAt(i, j)
        i += 1
        j -= 1
      }
    }
    if rank <= j {
      high = j
    } else if rank >= i {
      low = i
    } else {
      return
    }
  }
  if low < high {
    for i in (low + 1)...high {
      let value = buffer[i]
      var j = i - 1
      while j >= low && value < buffer[j] {
        buffer[j + 1] = buffer[j]
        j -= 1
      }
      buffer[j + 1] = value
    }
  }
}
