import Foundation
import Testing

@testable import SalaryData

@Suite struct DirectoryDatasetTests {
  /// Writes the minimal dataset to a fresh folder, with `extra` files beside it.
  private func folder(extra: [String: String] = [:]) throws -> String {
    let path = NSTemporaryDirectory() + "salary-data-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in MinimalDataset.files.merging(extra, uniquingKeysWith: { $1 }) {
      try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
    return path
  }

  @Test func aGoodFolderLoadsAndOtherFilesAreIgnored() throws {
    let path = try folder(extra: ["README.md": "notes", "budget.xlsx": "binary"])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let dataset = try DirectoryDataset.load(path: path)
    #expect(dataset.payFigures.count == 4)
  }

  @Test func problemsNameTheFilesInsideTheFolder() throws {
    let path = try folder(extra: ["pay.csv": "id,source\n"])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DatasetError.self) { try DirectoryDataset.load(path: path) }
    do {
      _ = try DirectoryDataset.load(path: path + "/")
    } catch {
      #expect(
        error.diagnostics.first?.description
          == "\(path)/pay.csv:1:1: missing required column 'series'")
    }
  }

  @Test func aMissingFolderSaysSo() {
    do {
      _ = try DirectoryDataset.load(path: "/nonexistent/salary-data")
      Issue.record("a missing folder loaded")
    } catch {
      #expect(
        error.description
          == "/nonexistent/salary-data: cannot open the folder: No such file or directory")
    }
  }
}
