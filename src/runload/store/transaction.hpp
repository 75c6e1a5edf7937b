#pragma once
// One write transaction (BEGIN IMMEDIATE) for callers outside store/, which
// may not include SQLiteCpp: the importer stores each file in one of these.

#include <memory>

namespace SQLite {
class Transaction;
}

namespace runload::store {

class Database;

class WriteTransaction {
 public:
  // Begins the transaction, waiting up to the busy timeout for the write lock.
  // Throws SQLite::Exception when the lock cannot be had.
  explicit WriteTransaction(Database& db);
  // Rolls back unless commit() was called.
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  std::unique_ptr<SQLite::Transaction> m_tx;
};

}  // namespace runload::store
