#include <runload/store/transaction.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <runload/store/database.hpp>

namespace runload::store {

WriteTransaction::WriteTransaction(Database& db)
    : m_tx(std::make_unique<SQLite::Transaction>(db.sql(),
                                                 SQLite::TransactionBehavior::IMMEDIATE)) {}

WriteTransaction::~WriteTransaction() = default;

void WriteTransaction::commit() {
  m_tx->commit();
}

}  // namespace runload::store
